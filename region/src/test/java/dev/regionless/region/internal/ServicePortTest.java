package dev.regionless.region.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regionless.common.Json;
import dev.regionless.common.ServiceRequest;
import dev.regionless.functions.Functions;
import dev.regionless.functions.FunctionsConfig;
import dev.regionless.functions.protocol.LambdaApi;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServicePortTest {
    @TempDir
    Path logs;

    private Functions functions;

    @AfterEach
    void stop() {
        functions.close();
    }

    @Test
    void requestForAServiceNotServedYetAnswersUnknownOperationNamingIt() throws Exception {
        var port = servicePort();
        var request = new ServiceRequest(
                "POST", "/", "", Map.of("x-amz-target", List.of("DynamoDB_20120810.PutItem")), "{}".getBytes());

        var response = port.apply(request);

        assertThat(response.status()).isEqualTo(400);
        var body = Json.mapper().readTree(response.body());
        assertThat(body.get("__type").asText()).endsWith("#UnknownOperationException");
        assertThat(body.get("message").asText()).contains("DynamoDB_20120810");
    }

    @Test
    void lambdaPathIsAnsweredByTheLambdaApi() throws Exception {
        var port = servicePort();

        var response = port.apply(new ServiceRequest("GET", "/2015-03-31/functions/", "", Map.of(), new byte[0]));

        assertThat(response.status()).isEqualTo(200);
        assertThat(Json.mapper().readTree(response.body()).get("Functions").isArray())
                .isTrue();
    }

    private ServicePort servicePort() {
        var config = FunctionsConfig.defaults("eu-west-2", URI.create("http://127.0.0.1:1"), logs);
        functions = Functions.create(config);
        return new ServicePort(new LambdaApi(functions, config));
    }
}
