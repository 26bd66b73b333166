package dev.regionless.gateway;

import static dev.regionless.gateway.testing.Apis.http;
import static dev.regionless.gateway.testing.Apis.rest;
import static dev.regionless.gateway.testing.Apis.v1;
import static dev.regionless.gateway.testing.Apis.v2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regionless.gateway.testing.FakeFunctions;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpGatewayTest {
    private final HttpGateway gateway = new HttpGateway(GatewayConfig.defaults("eu-west-2"), new FakeFunctions());

    @Test
    void stagePathIsTheStagePrefixOrNothingForDefault() {
        assertThat(gateway.stagePath(rest("Prod", v1("GET /a", "fn")))).isEqualTo("/Prod");
        assertThat(gateway.stagePath(http(v2("GET /a", "fn")))).isEmpty();
    }

    @Test
    void deployReplacesTheDeployedApis() {
        var first = rest("Prod", v1("GET /a", "fn"));
        var second = http(v2("GET /b", "fn"));
        gateway.deploy(List.of(first));

        gateway.deploy(List.of(second));

        assertThat(gateway.apis()).containsExactly(second);
    }

    @Test
    void failedDeployKeepsTheApisDeployedBefore() {
        var good = rest("Prod", v1("GET /a", "fn"));
        gateway.deploy(List.of(good));

        assertThatThrownBy(() -> gateway.deploy(List.of(rest("Prod", v1("nonsense", "fn")))))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(gateway.apis()).containsExactly(good);
    }

    @Test
    void defaultConfigUsesAwsIntegrationTimeouts() {
        var config = GatewayConfig.defaults("eu-west-2");

        assertThat(config.integrationTimeout(ApiType.REST)).hasSeconds(29);
        assertThat(config.integrationTimeout(ApiType.HTTP)).hasSeconds(30);
    }
}
