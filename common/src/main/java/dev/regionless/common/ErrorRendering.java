package dev.regionless.common;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders an {@link AwsException} the way each AWS wire protocol does, so that the AWS SDKs recognise the error
 * code: {@code rest-json} services (Lambda) name it in the {@code x-amzn-ErrorType} header, {@code json 1.0}
 * services (DynamoDB) in the body's {@code __type}.
 */
public final class ErrorRendering {
    private ErrorRendering() {}

    /** Lambda's shape: {@code x-amzn-ErrorType} header, body {@code {"Type":"User","message":...}} plus extras. */
    public static ServiceResponse restJson(AwsException error) {
        var body = new LinkedHashMap<String, Object>();
        body.put("Type", error.isClientError() ? "User" : "Service");
        body.put("message", error.getMessage());
        body.putAll(error.extraFields());
        return ServiceResponse.json(error.status(), body).withHeader("x-amzn-ErrorType", error.code());
    }

    /** DynamoDB's shape: body {@code {"__type": "com.amazonaws.dynamodb.v20120810#Code", "message": ...}}. */
    public static ServiceResponse json10(AwsException error, String typePrefix) {
        var body = new LinkedHashMap<String, Object>();
        body.put("__type", typePrefix + error.code());
        body.put("message", error.getMessage());
        body.putAll(error.extraFields());
        return new ServiceResponse(
                error.status(),
                Map.of("Content-Type", "application/x-amz-json-1.0"),
                ServiceResponse.json(error.status(), body).body());
    }
}
