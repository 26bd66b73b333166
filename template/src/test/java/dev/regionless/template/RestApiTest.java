package dev.regionless.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RestApiTest {

    /** An API {@code Items} with {@code properties}, and function Hello with GET and POST /items on it. */
    private static String api(String properties) {
        return """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Hello:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: example.Hello
                      Runtime: java21
                      CodeUri: hello
                      Events:
                        Get: {Type: Api, Properties: {RestApiId: !Ref Items, Path: "/items/{id}", Method: get}}
                        Post: {Type: Api, Properties: {RestApiId: !Ref Items, Path: /items, Method: post}}
                  Items:
                    Type: AWS::Serverless::Api
                    Properties:
                """ + properties.stripIndent().indent(6);
    }

    private static ApiSpec items(String properties) {
        return Templates.read(api(properties)).api("Items").orElseThrow();
    }

    @Test
    void explicitApiNeedsAStageName() {
        assertThatThrownBy(() -> items("Cors: \"'*'\""))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:14: Resources.Items.Properties.StageName: is missing "
                        + "(expected: a stage name such as Prod)");
    }

    @Test
    void corsStringAllowsThatOrigin() {
        var api = items("""
                StageName: v1
                Cors: "'*'"
                """);

        assertThat(api.cors()).isEqualTo(CorsSpec.anyOrigin());
    }

    @Test
    void corsMappingStripsQuotesAndSplitsOnCommas() {
        var api = items("""
                StageName: v1
                Cors:
                  AllowOrigin: "'https://example.com'"
                  AllowMethods: "'GET, POST,OPTIONS'"
                  AllowHeaders: "'Content-Type,X-Amz-Date'"
                  MaxAge: "'600'"
                  AllowCredentials: true
                """);

        assertThat(api.cors())
                .isEqualTo(new CorsSpec(
                        List.of("https://example.com"),
                        List.of("GET", "POST", "OPTIONS"),
                        List.of("Content-Type", "X-Amz-Date"),
                        List.of(),
                        600,
                        true));
    }

    @Test
    void corsValueWithoutQuotesIsRejected() {
        assertThatThrownBy(() -> items("""
                StageName: v1
                Cors: {AllowOrigin: "*"}
                """))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:16: Resources.Items.Properties.Cors.AllowOrigin: * "
                        + "(expected: a value in single quotes, such as \"'*'\" or \"'GET,POST'\")");
    }

    @Test
    void corsCredentialsWithAnyOriginAreRejected() {
        assertThatThrownBy(() -> items("""
                StageName: v1
                Cors: {AllowOrigin: "'*'", AllowCredentials: true}
                """))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:16: Resources.Items.Properties.Cors: AllowCredentials cannot be true when "
                        + "the allowed origin is * (expected: explicit origins)");
    }

    @Test
    void binaryMediaTypesAreDecoded() {
        var api = items("""
                StageName: v1
                BinaryMediaTypes: [image~1png, "*~1*"]
                """);

        assertThat(api.binaryMediaTypes()).containsExactly("image/png", "*/*");
    }

    @Test
    void wildcardMethodSettingsSetTheDefaultThrottle() {
        var api = items("""
                StageName: v1
                MethodSettings:
                  - {HttpMethod: "*", ResourcePath: "/*", ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200}
                """);

        assertThat(api.defaultThrottle()).isEqualTo(new ThrottleSpec(100, 200));
        assertThat(api.routeThrottles()).isEmpty();
    }

    @Test
    void methodSettingsForOneResourceThrottleItsRoutes() {
        var api = items("""
                StageName: v1
                MethodSettings:
                  - {HttpMethod: "*", ResourcePath: "/*", ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200}
                  - {HttpMethod: GET, ResourcePath: "/~1items~1{id}", ThrottlingRateLimit: 5}
                """);

        assertThat(api.routeThrottles()).containsExactly(Map.entry("GET /items/{id}", new ThrottleSpec(5, 200)));
    }

    @Test
    void aLimitLeftOutFallsBackToThePlatformDefault() {
        var api = items("""
                StageName: v1
                MethodSettings:
                  - {ResourcePath: "/*", HttpMethod: "*", ThrottlingBurstLimit: 10}
                """);

        assertThat(api.defaultThrottle()).isEqualTo(new ThrottleSpec(10_000, 10));
    }

    @Test
    void methodSettingsMatchingNoRouteAreWarnedAbout() {
        var app = Templates.read(api("""
                StageName: v1
                MethodSettings:
                  - {HttpMethod: DELETE, ResourcePath: "/~1items", ThrottlingRateLimit: 5, LoggingLevel: INFO}
                """));

        assertThat(app.warnings())
                .containsExactly(
                        "template.yaml:17: Resources.Items.Properties.MethodSettings[0].LoggingLevel: is ignored "
                                + "(Regionless keeps its own logs and metrics)",
                        "template.yaml:17: Resources.Items.Properties.MethodSettings[0]: is ignored "
                                + "(it matches no route of this API)");
    }

    @Test
    void throttleOfTheWrongTypeIsRejected() {
        assertThatThrownBy(() -> items("""
                StageName: v1
                MethodSettings: [{ThrottlingRateLimit: fast}]
                """))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:16: Resources.Items.Properties.MethodSettings[0].ThrottlingRateLimit: "
                        + "fast (expected: a number, 0 or more)");
    }

    @Test
    void defaultAuthorizerThatIsNotDeclaredIsRejected() {
        assertThatThrownBy(() -> items("""
                StageName: v1
                Auth: {DefaultAuthorizer: Cognito}
                """))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:16: Resources.Items.Properties.Auth.DefaultAuthorizer: Cognito is not an "
                        + "authorizer of Items (expected: one of [])");
    }

    @Test
    void openApiDefinitionsAreRejected() {
        assertThatThrownBy(() -> items("""
                StageName: v1
                DefinitionUri: api.yaml
                """))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("template.yaml:16: Resources.Items.Properties.DefinitionUri: is not supported");
    }

    @Test
    void apiWithoutRoutesIsWarnedAbout() {
        var yaml = """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Lonely:
                    Type: AWS::Serverless::Api
                    Properties: {StageName: v1, Name: lonely-api}
                """;

        var app = Templates.read(yaml);

        assertThat(app.api("Lonely").orElseThrow().routes()).isEmpty();
        assertThat(app.warnings())
                .containsExactly(
                        "template.yaml:5: Resources.Lonely.Properties.Name: is ignored (APIs are known by logical id)",
                        "template.yaml:3: Resources.Lonely: has no routes (no function has an event on this API)");
    }

    @Test
    void rootResourceIdIsAStableId() {
        var yaml = api("StageName: v1") + """
                  Caller:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: example.Caller
                      Runtime: java21
                      CodeUri: caller
                      Environment: {Variables: {ROOT: !GetAtt Items.RootResourceId}}
                """;

        var caller = Templates.read(yaml).function("Caller").orElseThrow();

        assertThat(caller.environment().get("ROOT")).matches("[a-z0-9]{10}");
    }
}
