package dev.regionless.gateway.internal.payload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regionless.gateway.ApiType;
import dev.regionless.gateway.internal.message.GatewayResponse;
import dev.regionless.gateway.internal.message.Header;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseMappingTest {

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static GatewayResponse restOk(String payload) {
        var mapped = ResponseMapping.v1(json(payload), ApiType.REST, Optional.empty(), List.of());
        assertThat(mapped).isInstanceOf(MappedResponse.Ok.class);
        return ((MappedResponse.Ok) mapped).response();
    }

    private static GatewayResponse v2Ok(String payload) {
        var mapped = ResponseMapping.v2(json(payload));
        assertThat(mapped).isInstanceOf(MappedResponse.Ok.class);
        return ((MappedResponse.Ok) mapped).response();
    }

    @Test
    void v1ResponseGivesStatusHeadersAndBody() {
        var response = restOk("{\"statusCode\":201,\"headers\":{\"Content-Type\":\"text/plain\",\"X-N\":3},"
                + "\"body\":\"created\"}");

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.headers()).contains(new Header("Content-Type", "text/plain"), new Header("X-N", "3"));
        assertThat(response.bodyText()).isEqualTo("created");
    }

    @Test
    void v1MultiValueHeadersWinOverHeadersOfTheSameName() {
        var response = restOk("{\"statusCode\":200,\"headers\":{\"X-A\":\"single\",\"X-B\":\"b\"},"
                + "\"multiValueHeaders\":{\"X-A\":[\"one\",\"two\"]}}");

        assertThat(response.headerValues("X-A")).containsExactly("one", "two");
        assertThat(response.headerValues("X-B")).containsExactly("b");
    }

    @Test
    void restResponseWithoutContentTypeDefaultsToJson() {
        assertThat(restOk("{\"statusCode\":200}").header("Content-Type")).contains("application/json");
    }

    @Test
    void framingHeadersFromTheFunctionAreDropped() {
        var response = restOk("{\"statusCode\":200,\"headers\":{\"Content-Length\":\"999\"},\"body\":\"x\"}");

        assertThat(response.header("Content-Length")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not json",
                "[1,2]",
                "\"hello\"",
                "{\"body\":\"no status\"}",
                "{\"statusCode\":\"abc\"}",
                "{\"statusCode\":700}",
                "{\"statusCode\":200,\"body\":{\"an\":\"object\"}}",
                "{\"statusCode\":200,\"headers\":[\"x\"]}",
                ""
            })
    void v1AnswersBreakingTheContractAreMalformed(String payload) {
        var mapped = ResponseMapping.v1(json(payload), ApiType.REST, Optional.empty(), List.of());

        assertThat(mapped).isInstanceOf(MappedResponse.Malformed.class);
    }

    @Test
    void restKeepsBase64TextWhenNothingIsABinaryType() {
        var response = restOk("{\"statusCode\":200,\"body\":\"AAEC\",\"isBase64Encoded\":true}");

        assertThat(response.bodyText()).isEqualTo("AAEC");
    }

    @Test
    void restDecodesBase64WhenTheAcceptTypeIsBinary() {
        var mapped = ResponseMapping.v1(
                json("{\"statusCode\":200,\"body\":\"AAEC\",\"isBase64Encoded\":true}"),
                ApiType.REST,
                Optional.of("image/png, */*"),
                List.of("image/png"));

        assertThat(((MappedResponse.Ok) mapped).response().body()).containsExactly(0, 1, 2);
    }

    @Test
    void httpApiPayload1DecodesBase64AndDefaultsToPlainText() {
        var mapped = ResponseMapping.v1(
                json("{\"statusCode\":200,\"body\":\"AAEC\",\"isBase64Encoded\":true}"),
                ApiType.HTTP,
                Optional.empty(),
                List.of());

        var response = ((MappedResponse.Ok) mapped).response();
        assertThat(response.body()).containsExactly(0, 1, 2);
        assertThat(response.header("Content-Type")).contains("text/plain; charset=utf-8");
    }

    @Test
    void v2CookiesBecomeSetCookieHeaders() {
        var response = v2Ok("{\"statusCode\":200,\"cookies\":[\"a=1; Path=/\",\"b=2\"],\"body\":\"ok\"}");

        assertThat(response.headerValues("Set-Cookie")).containsExactly("a=1; Path=/", "b=2");
    }

    @Test
    void v2ObjectWithoutStatusCodeIsA200JsonBody() {
        var response = v2Ok("{ \"message\": \"Hello from Lambda!\" }");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).contains("application/json");
        assertThat(response.bodyText()).isEqualTo("{ \"message\": \"Hello from Lambda!\" }");
    }

    @Test
    void v2JsonStringBecomesItsValue() {
        var response = v2Ok("\"Hello from Lambda!\"");

        assertThat(response.bodyText()).isEqualTo("Hello from Lambda!");
        assertThat(response.header("Content-Type")).contains("application/json");
    }

    @Test
    void v2StructuredAnswerDecodesBase64Bodies() {
        var response = v2Ok("{\"statusCode\":200,\"headers\":{\"content-type\":\"image/png\"},"
                + "\"body\":\"AAEC\",\"isBase64Encoded\":true}");

        assertThat(response.body()).containsExactly(0, 1, 2);
        assertThat(response.header("Content-Type")).contains("image/png");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "", "{\"statusCode\":\"abc\"}", "{\"statusCode\":200,\"cookies\":\"a=1\"}"})
    void v2AnswersThatAreNotJsonOrHaveABadStatusAreMalformed(String payload) {
        assertThat(ResponseMapping.v2(json(payload))).isInstanceOf(MappedResponse.Malformed.class);
    }
}
