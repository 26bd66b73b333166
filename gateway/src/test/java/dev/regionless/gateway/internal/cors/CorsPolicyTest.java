package dev.regionless.gateway.internal.cors;

import static dev.regionless.gateway.testing.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.regionless.gateway.Cors;
import dev.regionless.gateway.internal.message.Header;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorsPolicyTest {
    private final CorsPolicy exampleOnly = new CorsPolicy(new Cors(
            List.of("https://www.example.com"),
            List.of("GET", "POST"),
            List.of("authorization", "content-type"),
            List.of("x-api-id"),
            300,
            false));

    @Test
    void preflightNeedsOptionsOriginAndRequestedMethod() {
        var preflight = request("OPTIONS", "/items")
                .header("Origin", "https://www.example.com")
                .header("Access-Control-Request-Method", "POST")
                .build();
        var plainOptions = request("OPTIONS", "/items")
                .header("Origin", "https://www.example.com")
                .build();

        assertThat(CorsPolicy.isPreflight(preflight)).isTrue();
        assertThat(CorsPolicy.isPreflight(plainOptions)).isFalse();
    }

    @Test
    void httpPreflightForAllowedOriginAnswers204WithAllowHeaders() {
        var preflight = request("OPTIONS", "/items")
                .header("Origin", "https://www.example.com")
                .header("Access-Control-Request-Method", "POST")
                .build();

        var response = exampleOnly.httpPreflight(preflight);

        assertThat(response.status()).isEqualTo(204);
        assertThat(response.headers())
                .contains(
                        new Header("Access-Control-Allow-Origin", "https://www.example.com"),
                        new Header("Access-Control-Allow-Methods", "GET,POST"),
                        new Header("Access-Control-Allow-Headers", "authorization,content-type"),
                        new Header("Access-Control-Max-Age", "300"));
    }

    @Test
    void httpPreflightForOtherOriginAnswers204WithoutAllowHeaders() {
        var preflight = request("OPTIONS", "/items")
                .header("Origin", "https://evil.example.net")
                .header("Access-Control-Request-Method", "POST")
                .build();

        var response = exampleOnly.httpPreflight(preflight);

        assertThat(response.status()).isEqualTo(204);
        assertThat(response.headers()).noneMatch(CorsPolicy::isCorsHeader);
    }

    @Test
    void wildcardOriginAnswersStarWithoutCredentials() {
        var policy = new CorsPolicy(new Cors(List.of("*"), List.of(), List.of(), List.of(), null, false));

        var headers = policy.httpResponseHeaders(
                request("GET", "/").header("Origin", "https://a.test").build());

        assertThat(headers).containsExactly(new Header("Access-Control-Allow-Origin", "*"));
    }

    @Test
    void wildcardOriginWithCredentialsEchoesTheOrigin() {
        var policy = new CorsPolicy(new Cors(List.of("*"), List.of(), List.of(), List.of(), null, true));

        var headers = policy.httpResponseHeaders(
                request("GET", "/").header("Origin", "https://a.test").build());

        assertThat(headers)
                .containsExactly(
                        new Header("Access-Control-Allow-Origin", "https://a.test"),
                        new Header("Access-Control-Allow-Credentials", "true"));
    }

    @Test
    void schemeWildcardAllowsAnyHostOfThatScheme() {
        var policy = new CorsPolicy(new Cors(List.of("https://*"), List.of(), List.of(), List.of(), null, false));

        assertThat(policy.allowsOrigin("https://app.example.com")).isTrue();
        assertThat(policy.allowsOrigin("http://app.example.com")).isFalse();
    }

    @Test
    void responseHeadersForAllowedOriginIncludeExposeHeaders() {
        var headers = exampleOnly.httpResponseHeaders(
                request("GET", "/").header("Origin", "https://www.example.com").build());

        assertThat(headers)
                .containsExactly(
                        new Header("Access-Control-Allow-Origin", "https://www.example.com"),
                        new Header("Access-Control-Expose-Headers", "x-api-id"));
    }

    @Test
    void responseWithoutOriginGetsNoCorsHeaders() {
        assertThat(exampleOnly.httpResponseHeaders(request("GET", "/").build())).isEmpty();
    }

    @Test
    void restPreflightAnswers200WithConfiguredHeadersWhateverTheOrigin() {
        var policy = new CorsPolicy(new Cors(List.of("*"), List.of(), List.of("Content-Type"), List.of(), 600, false));

        var response = policy.restPreflight(request("OPTIONS", "/items").build(), List.of("GET", "OPTIONS"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers())
                .contains(
                        new Header("Access-Control-Allow-Origin", "*"),
                        new Header("Access-Control-Allow-Methods", "GET,OPTIONS"),
                        new Header("Access-Control-Allow-Headers", "Content-Type"),
                        new Header("Access-Control-Max-Age", "600"));
    }
}
