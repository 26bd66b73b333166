package dev.regionless.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApiEventTest {

    private static final String WITH_API = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Items:
                Type: AWS::Serverless::Api
                Properties:
                  StageName: v1
              Hello:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: example.Hello
                  Runtime: java21
                  CodeUri: hello
                  Events:
                    Get:
                      Type: Api
                      Properties:
            """;

    private static String event(String properties) {
        return WITH_API + properties.stripIndent().indent(12);
    }

    @Test
    void apiEventWithoutRestApiIdCreatesTheImplicitProdApi() {
        var app = Templates.read(Templates.hello("""
                Events:
                  Get: {Type: Api, Properties: {Path: "/items/{id}", Method: get}}
                """));

        assertThat(app.apis())
                .containsExactly(new ApiSpec(
                        "ServerlessRestApi",
                        dev.regionless.template.internal.intrinsic.StableIds.apiId("regionless", "ServerlessRestApi"),
                        ApiType.REST,
                        "Prod",
                        null,
                        null,
                        java.util.Map.of(),
                        List.of(),
                        List.of(new RouteSpec("GET", "/items/{id}", "Hello", "Hello", "1.0"))));
    }

    @Test
    void implicitApisExistOnlyWhenAnEventUsesThem() {
        var app = Templates.read(Templates.hello(""));

        assertThat(app.apis()).isEmpty();
    }

    @Test
    void methodAnyInAnyCaseBecomesANY() {
        var app = Templates.read(Templates.hello("""
                Events:
                  Proxy: {Type: Api, Properties: {Path: "/{proxy+}", Method: any}}
                """));

        assertThat(app.apis().get(0).routes())
                .extracting(RouteSpec::method, RouteSpec::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ANY", "/{proxy+}"));
    }

    @Test
    void restApiIdBindsTheRouteToThatApi() {
        var app = Templates.read(event("""
                Path: /items
                Method: POST
                RestApiId: !Ref Items
                """));

        assertThat(app.apis()).extracting(ApiSpec::logicalId).containsExactly("Items");
        assertThat(app.api("Items").orElseThrow().routes())
                .containsExactly(new RouteSpec("POST", "/items", "Hello", "Hello", "1.0"));
        assertThat(app.api("Items").orElseThrow().stageName()).isEqualTo("v1");
    }

    @Test
    void restApiIdMustBeARefToAServerlessApi() {
        var yaml = event("""
                Path: /items
                Method: POST
                RestApiId: abc123
                """);

        assertThatThrownBy(() -> Templates.read(yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:19: Resources.Hello.Properties.Events.Get.Properties.RestApiId: abc123 "
                        + "(expected: !Ref to an AWS::Serverless::Api of this template)");
    }

    @Test
    void restApiIdReferringToAFunctionIsRejected() {
        var yaml = event("""
                Path: /items
                Method: POST
                RestApiId: !Ref Hello
                """);

        assertThatThrownBy(() -> Templates.read(yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:19: Resources.Hello.Properties.Events.Get.Properties.RestApiId: Hello is "
                        + "not an AWS::Serverless::Api (expected: !Ref to an AWS::Serverless::Api of this template)");
    }

    @Test
    void theSameRouteTwiceIsRejected() {
        var yaml = Templates.hello("""
                Events:
                  First: {Type: Api, Properties: {Path: /items, Method: get}}
                  Second: {Type: Api, Properties: {Path: /items, Method: GET}}
                """);

        assertThatThrownBy(() -> Templates.read(yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:11: Resources.Hello.Properties.Events.Second: route GET /items of "
                        + "ServerlessRestApi is already bound to Hello (expected: one function per route)");
    }

    @Test
    void pathMustStartWithASlash() {
        assertThatThrownBy(() -> Templates.read(event("{Path: items, Method: GET}")))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:17: Resources.Hello.Properties.Events.Get.Properties.Path: items "
                        + "(expected: a path starting with /)");
    }

    @Test
    void missingMethodIsRejected() {
        assertThatThrownBy(() -> Templates.read(event("{Path: /items, RestApiId: !Ref Items}")))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:16: Resources.Hello.Properties.Events.Get.Properties.Method: is missing "
                        + "(expected: an HTTP method such as GET, or ANY)");
    }

    @Test
    void unknownMethodIsRejected() {
        assertThatThrownBy(() -> Templates.read(event("{Path: /items, Method: FETCH}")))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:17: Resources.Hello.Properties.Events.Get.Properties.Method: FETCH "
                        + "(expected: one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS, ANY, in any case)");
    }

    @Test
    void authorizerTheApiDoesNotHaveIsRejectedNamingTheApi() {
        var yaml = event("{Path: /items, Method: GET, RestApiId: !Ref Items, Auth: {Authorizer: MyCognito}}");

        assertThatThrownBy(() -> Templates.read(yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:17: Resources.Hello.Properties.Events.Get.Properties.Auth.Authorizer: "
                        + "MyCognito is not an authorizer of Items (expected: NONE or one of [])");
    }

    @Test
    void authorizerNoneIsAccepted() {
        var app = Templates.read(event("{Path: /items, Method: GET, RestApiId: !Ref Items, Auth: {Authorizer: NONE}}"));

        assertThat(app.api("Items").orElseThrow().routes()).hasSize(1);
    }

    @Test
    void requestValidationPropertiesAreWarnedAbout() {
        var app = Templates.read(event("{Path: /items, Method: GET, RestApiId: !Ref Items, RequestModel: {Model: M}}"));

        assertThat(app.warnings())
                .containsExactly("template.yaml:17: Resources.Hello.Properties.Events.Get."
                        + "Properties.RequestModel: is ignored (request bodies are not validated)");
    }

    @Test
    void refToTheImplicitApiGivesItsId() {
        var yaml = Templates.hello("""
                Events:
                  Get: {Type: Api, Properties: {Path: /, Method: get}}
                """) + """
                  Caller:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: example.Caller
                      Runtime: java21
                      CodeUri: caller
                      Environment: {Variables: {API: !Ref ServerlessRestApi}}
                """;

        var caller = Templates.read(yaml).function("Caller").orElseThrow();

        assertThat(caller.environment().get("API")).matches("[a-z0-9]{10}");
    }

    @Test
    void refToAnImplicitApiNoEventUsesIsRejected() {
        var yaml = Templates.hello("""
                Environment: {Variables: {API: !Ref ServerlessHttpApi}}
                """);

        assertThatThrownBy(() -> Templates.read(yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml:9: Resources.Hello.Properties.Environment.Variables.API: ServerlessHttpApi "
                        + "does not exist because no function has an HttpApi event on it");
    }
}
