package dev.regionless.events.topics.protocol;

import dev.regionless.common.AwsException;
import dev.regionless.common.ServiceResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The one place SNS errors are rendered: the query protocol's {@code ErrorResponse}, whose {@code Code} the SDKs
 * map to their typed exceptions ({@code NotFound} to {@code NotFoundException}, ...), with the error's status.
 */
final class SnsErrors {
    private SnsErrors() {}

    static ServiceResponse render(AwsException error, String requestId) {
        var xml = SnsXml.error(
                error.isClientError() ? "Sender" : "Receiver", error.code(), error.getMessage(), requestId);
        return new ServiceResponse(
                        error.status(), Map.of("Content-Type", "text/xml"), xml.getBytes(StandardCharsets.UTF_8))
                .withHeader("x-amzn-RequestId", requestId);
    }
}
