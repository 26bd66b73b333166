package dev.regionless.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpApiTest {

    /** An HTTP API {@code Chat} with {@code properties}, and function Hello with GET /messages and $default on it. */
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
                        List: {Type: HttpApi, Properties: {ApiId: !Ref Chat, Path: /messages, Method: get}}
                        Rest: {Type: HttpApi, Properties: {ApiId: !Ref Chat}}
                  Chat:
                    Type: AWS::Serverless::HttpApi
                    Properties:
                """ + properties.stripIndent().indent(6);
    }

    private static ApiSpec chat(String properties) {
        return Templates.read(api(properties)).api("Chat").orElseThrow();
    }

    @Test
    void stageNameDefaultsToDollarDefault() {
        var api = chat("{}");

        assertThat(api.stageName()).isEqualTo("$default");
        assertThat(api.type()).isEqualTo(ApiType.HTTP);
        assertThat(api.cors()).isNull();
        assertThat(api.binaryMediaTypes()).isEmpty();
    }

    @Test
    void corsConfigurationTrueAllowsAllOrigins() {
        var api = chat("CorsConfiguration: true");

        assertThat(api.cors()).isEqualTo(CorsSpec.anyOrigin());
    }

    @Test
    void corsConfigurationFalseMeansNoCors() {
        var api = chat("CorsConfiguration: false");

        assertThat(api.cors()).isNull();
    }

    @Test
    void corsConfigurationMappingIsReadAsLists() {
        var api = chat("""
                CorsConfiguration:
                  AllowOrigins: [https://a.example, https://b.example]
                  AllowMethods: [GET, POST]
                  AllowHeaders: [content-type]
                  ExposeHeaders: [x-request-id]
                  MaxAge: 300
                  AllowCredentials: true
                """);

        assertThat(api.cors())
                .isEqualTo(new CorsSpec(
                        List.of("https://a.example", "https://b.example"),
                        List.of("GET", "POST"),
                        List.of("content-type"),
                        List.of("x-request-id"),
                        300,
                        true));
    }

    @Test
    void unknownCorsPropertyIsRejected() {
        assertThatThrownBy(() -> chat("CorsConfiguration: {AllowOrigin: ['*']}"))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:15: Resources.Chat.Properties.CorsConfiguration.AllowOrigin: is not a CORS "
                        + "property (expected: one of AllowCredentials, AllowHeaders, AllowMethods, AllowOrigins, "
                        + "ExposeHeaders, MaxAge)");
    }

    @Test
    void defaultRouteSettingsSetTheDefaultThrottle() {
        var api = chat("DefaultRouteSettings: {ThrottlingRateLimit: 10, ThrottlingBurstLimit: 20}");

        assertThat(api.defaultThrottle()).isEqualTo(new ThrottleSpec(10, 20));
    }

    @Test
    void routeSettingsAreKeyedByRouteKey() {
        var api = chat("""
                DefaultRouteSettings: {ThrottlingRateLimit: 10, ThrottlingBurstLimit: 20}
                RouteSettings:
                  "GET /messages": {ThrottlingRateLimit: 1}
                  $default: {ThrottlingBurstLimit: 2}
                """);

        assertThat(api.routeThrottles())
                .containsExactly(
                        Map.entry("GET /messages", new ThrottleSpec(1, 20)),
                        Map.entry("$default", new ThrottleSpec(10, 2)));
    }

    @Test
    void routeSettingsForARouteThatDoesNotExistAreRejected() {
        assertThatThrownBy(() -> chat("""
                RouteSettings:
                  "POST /messages": {ThrottlingRateLimit: 1}
                """))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:16: Resources.Chat.Properties.RouteSettings.POST /messages: route key "
                        + "POST /messages matches no route of this API (expected: one of GET /messages, $default)");
    }

    @Test
    void explicitStageNameIsKept() {
        var api = chat("StageName: prod");

        assertThat(api.stageName()).isEqualTo("prod");
    }

    @Test
    void apiEndpointAttributeNamesTheRegion() {
        var yaml = api("{}") + """
                  Caller:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: example.Caller
                      Runtime: java21
                      CodeUri: caller
                      Environment: {Variables: {URL: !GetAtt Chat.ApiEndpoint}}
                """;

        var caller = Templates.read(yaml, TemplateContext.of("us-west-2"))
                .function("Caller")
                .orElseThrow();

        assertThat(caller.environment().get("URL"))
                .matches("https://[a-z0-9]{10}\\.execute-api\\.us-west-2\\.amazonaws\\.com");
    }

    @Test
    void harmlessPropertiesAreWarnedAbout() {
        var app = Templates.read(api("""
                Tags: {team: chat}
                StageVariables: {mode: live}
                """));

        assertThat(app.warnings())
                .containsExactly(
                        "template.yaml:15: Resources.Chat.Properties.Tags: is ignored (tags have no effect)",
                        "template.yaml:16: Resources.Chat.Properties.StageVariables: is ignored "
                                + "(stage variables are not passed to functions)");
    }
}
