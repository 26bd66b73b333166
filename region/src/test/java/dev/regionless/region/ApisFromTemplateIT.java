package dev.regionless.region;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.common.Json;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A REST API and an HTTP API declared in one template, served side by side on a region's app port. */
class ApisFromTemplateIT {
    @TempDir
    static Path folder;

    static RegionSet regions;
    static RegionNode region;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        regions = RegionSet.start(folder.resolve("data"), List.of("eu-west-2"));
        regions.deploy(TestApps.template(folder, """
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Function:
                    Runtime: java21
                    CodeUri: ${jar}
                    Handler: dev.regionless.testfunctions.ProxyEcho
                Resources:
                  Shop:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: Prod
                      MethodSettings:
                        - HttpMethod: POST
                          ResourcePath: /closed
                          ThrottlingBurstLimit: 0
                          ThrottlingRateLimit: 0
                  Items:
                    Type: AWS::Serverless::Function
                    Properties:
                      Events:
                        Get:
                          Type: Api
                          Properties: {RestApiId: !Ref Shop, Path: "/items/{id}", Method: get}
                        Closed:
                          Type: Api
                          Properties: {RestApiId: !Ref Shop, Path: /closed, Method: post}
                  Orders:
                    Type: AWS::Serverless::Function
                    Properties:
                      Events:
                        Create:
                          Type: HttpApi
                          Properties: {Path: /orders, Method: post}
                """), Map.of());
        region = regions.region("eu-west-2");
    }

    @AfterAll
    static void stop() {
        regions.close();
    }

    @Test
    void restRouteSendsPayloadOneWithPathAndMultiValueQuery() throws Exception {
        var response = send(HttpRequest.newBuilder(TestApps.app(region, "/Prod/items/42?tag=a&tag=b"))
                .GET());

        // A REST API passes a base64 body through as text unless its media type is a binary one, as on AWS.
        var event = Json.mapper().readTree(java.util.Base64.getDecoder().decode(response.body()));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(event.get("resource").asText()).isEqualTo("/items/{id}");
        assertThat(event.get("httpMethod").asText()).isEqualTo("GET");
        assertThat(event.get("pathParameters").get("id").asText()).isEqualTo("42");
        assertThat(event.get("multiValueQueryStringParameters").get("tag")).hasSize(2);
        assertThat(event.get("requestContext").get("stage").asText()).isEqualTo("Prod");
        assertThat(event.get("requestContext").get("accountId").asText()).isEqualTo("123456789012");
    }

    @Test
    void httpRouteSendsPayloadTwoWithTheBody() throws Exception {
        var response = send(HttpRequest.newBuilder(TestApps.app(region, "/orders"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"item\":\"duck\"}")));

        JsonNode event = Json.mapper().readTree(response.body());
        assertThat(event.get("version").asText()).isEqualTo("2.0");
        assertThat(event.get("routeKey").asText()).isEqualTo("POST /orders");
        assertThat(event.get("body").asText()).isEqualTo("{\"item\":\"duck\"}");
        assertThat(event.get("isBase64Encoded").asBoolean()).isFalse();
    }

    @Test
    void unknownRestPathIsMissingAuthenticationToken() throws Exception {
        var response = send(
                HttpRequest.newBuilder(TestApps.app(region, "/Prod/nothing")).GET());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("Missing Authentication Token");
    }

    @Test
    void routeThrottledToZeroByMethodSettingsAnswersTooManyRequests() throws Exception {
        var response = send(
                HttpRequest.newBuilder(TestApps.app(region, "/Prod/closed")).POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.body()).isEqualTo("{\"message\":\"Too Many Requests\"}");
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
