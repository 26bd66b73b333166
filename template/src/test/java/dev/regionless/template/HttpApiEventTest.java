package dev.regionless.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpApiEventTest {

    private static ApiSpec implicitApi(String events) {
        return Templates.read(Templates.hello("Events:\n" + events.stripIndent().indent(2)))
                .api("ServerlessHttpApi")
                .orElseThrow();
    }

    @Test
    void eventWithoutPathAndMethodIsTheDefaultRoute() {
        var api = implicitApi("""
                Everything:
                  Type: HttpApi
                """);

        assertThat(api.stageName()).isEqualTo("$default");
        assertThat(api.routes()).containsExactly(new RouteSpec("ANY", "$default", "Hello", "Hello", "2.0"));
        assertThat(api.routes().get(0).routeKey()).isEqualTo("$default");
    }

    @Test
    void payloadFormatDefaultsTo20AndCanBe10() {
        var api = implicitApi("""
                New: {Type: HttpApi, Properties: {Path: /new, Method: get}}
                Old: {Type: HttpApi, Properties: {Path: /old, Method: get, PayloadFormatVersion: "1.0"}}
                """);

        assertThat(api.routes()).extracting(RouteSpec::payloadFormatVersion).containsExactly("2.0", "1.0");
    }

    @Test
    void unknownPayloadFormatIsRejected() {
        assertThatThrownBy(() -> implicitApi("""
                Old: {Type: HttpApi, Properties: {Path: /old, Method: get, PayloadFormatVersion: "3.0"}}
                """))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:10: Resources.Hello.Properties.Events.Old.Properties.PayloadFormatVersion: "
                        + "3.0 (expected: 1.0 or 2.0)");
    }

    @Test
    void pathWithoutMethodMatchesAnyMethod() {
        var api = implicitApi("""
                Items: {Type: HttpApi, Properties: {Path: /items}}
                """);

        assertThat(api.routes().get(0).routeKey()).isEqualTo("ANY /items");
    }

    @Test
    void methodWithoutPathIsRejected() {
        assertThatThrownBy(() -> implicitApi("""
                Items: {Type: HttpApi, Properties: {Method: get}}
                """))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith(
                        "template.yaml:10: Resources.Hello.Properties.Events.Items.Properties.Path: is missing");
    }

    @Test
    void eventRouteSettingsThrottleThatRoute() {
        var api = implicitApi("""
                Items:
                  Type: HttpApi
                  Properties:
                    Path: /items/{id}
                    Method: GET
                    RouteSettings: {ThrottlingRateLimit: 2.5, ThrottlingBurstLimit: 5}
                """);

        assertThat(api.routeThrottles()).containsExactly(Map.entry("GET /items/{id}", new ThrottleSpec(2.5, 5)));
        assertThat(api.defaultThrottle()).isNull();
    }

    @Test
    void apiIdBindsTheRouteToThatHttpApi() {
        var yaml = """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Chat:
                    Type: AWS::Serverless::HttpApi
                    Properties: {StageName: live}
                  Hello:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: example.Hello
                      Runtime: java21
                      CodeUri: hello
                      Events:
                        Post: {Type: HttpApi, Properties: {ApiId: !Ref Chat, Path: /messages, Method: post}}
                """;

        var app = Templates.read(yaml);

        assertThat(app.apis()).extracting(ApiSpec::logicalId).containsExactly("Chat");
        assertThat(app.api("Chat").orElseThrow().stageName()).isEqualTo("live");
        assertThat(app.api("Chat").orElseThrow().routes())
                .containsExactly(new RouteSpec("POST", "/messages", "Hello", "Hello", "2.0"));
    }

    @Test
    void apiIdOfAnApiThatDoesNotExistInTheRegionIsRejected() {
        var yaml = """
                Transform: AWS::Serverless-2016-10-31
                Conditions:
                  Never: !Equals [a, b]
                Resources:
                  Chat:
                    Type: AWS::Serverless::HttpApi
                    Condition: Never
                  Hello:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: example.Hello
                      Runtime: java21
                      CodeUri: hello
                      Events:
                        Post: {Type: HttpApi, Properties: {ApiId: !Ref Chat}}
                """;

        assertThatThrownBy(() -> Templates.read(yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:15: Resources.Hello.Properties.Events.Post.Properties.ApiId: Chat does not "
                        + "exist in eu-west-2 because its condition Never is false");
    }

    @Test
    void twoDefaultRoutesOnOneApiAreRejected() {
        assertThatThrownBy(() -> implicitApi("""
                One: {Type: HttpApi}
                Two: {Type: HttpApi}
                """))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("template.yaml:11: Resources.Hello.Properties.Events.Two: route $default");
    }
}
