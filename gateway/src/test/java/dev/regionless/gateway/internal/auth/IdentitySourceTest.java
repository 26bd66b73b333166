package dev.regionless.gateway.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regionless.gateway.internal.message.GatewayRequest;
import dev.regionless.gateway.internal.message.Header;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentitySourceTest {
    private static final GatewayRequest REQUEST = new GatewayRequest(
            "GET", "/Prod/x", "token=abc&empty=", List.of(new Header("authorization", "t0k")), null, null, null);

    @Test
    void headersAreFoundWhateverTheirCaseInEveryApiTypesNotation() {
        for (var expression : List.of(
                "method.request.header.Authorization",
                "$request.header.Authorization",
                "route.request.header.AUTHORIZATION")) {
            assertThat(IdentitySource.parse(expression).valueIn(REQUEST)).hasValue("t0k");
        }
    }

    @Test
    void queryParametersAreFoundAndEmptyValuesCountAsMissing() {
        assertThat(IdentitySource.parse("route.request.querystring.token").valueIn(REQUEST))
                .hasValue("abc");
        assertThat(IdentitySource.parse("$request.querystring.empty").valueIn(REQUEST))
                .isEmpty();
        assertThat(IdentitySource.parse("$request.querystring.absent").valueIn(REQUEST))
                .isEmpty();
    }

    @Test
    void sourcesOtherThanHeadersAndQueryParametersAreRejected() {
        assertThatThrownBy(() -> IdentitySource.parse("$context.identity.sourceIp"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("identity source: $context.identity.sourceIp (expected: a header or query");
    }
}
