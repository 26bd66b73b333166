package dev.regionless.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Answers an API Gateway proxy request with the event it received as the response body (base64-encoded, so no
 * JSON library is needed), letting tests see exactly what the gateway sent the function.
 */
public class ProxyEcho implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        var event = Base64.getEncoder().encodeToString(input.readAllBytes());
        var response = "{\"statusCode\":200,\"headers\":{\"Content-Type\":\"application/json\"},"
                + "\"isBase64Encoded\":true,\"body\":\"" + event + "\"}";
        output.write(response.getBytes(StandardCharsets.UTF_8));
    }
}
