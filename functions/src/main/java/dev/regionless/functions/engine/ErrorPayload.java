package dev.regionless.functions.engine;

import dev.regionless.common.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Lambda's error JSON for the Java runtime: {@code errorMessage}, {@code errorType}, {@code stackTrace}, {@code cause}. */
final class ErrorPayload {
    private ErrorPayload() {}

    static byte[] of(Throwable error) {
        return toJson(describe(error, 0));
    }

    static byte[] timeout(String requestId, double seconds) {
        var body = new LinkedHashMap<String, Object>();
        body.put("errorType", "Sandbox.Timedout");
        body.put(
                "errorMessage",
                "RequestId: " + requestId + " Error: Task timed out after "
                        + String.format(java.util.Locale.ROOT, "%.2f", seconds) + " seconds");
        return toJson(body);
    }

    static byte[] of(String errorType, String message) {
        var body = new LinkedHashMap<String, Object>();
        body.put("errorMessage", message);
        body.put("errorType", errorType);
        return toJson(body);
    }

    private static Map<String, Object> describe(Throwable error, int depth) {
        var body = new LinkedHashMap<String, Object>();
        if (error.getMessage() != null) {
            body.put("errorMessage", error.getMessage());
        }
        body.put("errorType", error.getClass().getName());
        List<String> frames = new ArrayList<>();
        for (var frame : error.getStackTrace()) {
            frames.add(frameText(frame));
        }
        body.put("stackTrace", frames);
        if (error.getCause() != null && error.getCause() != error && depth < 8) {
            body.put("cause", describe(error.getCause(), depth + 1));
        }
        return body;
    }

    /** As the Lambda Java runtime prints frames: without the class loader and module prefixes Java adds. */
    private static String frameText(StackTraceElement frame) {
        var location = frame.isNativeMethod()
                ? "Native Method"
                : frame.getFileName() == null
                        ? "Unknown Source"
                        : frame.getLineNumber() >= 0
                                ? frame.getFileName() + ":" + frame.getLineNumber()
                                : frame.getFileName();
        return frame.getClassName() + "." + frame.getMethodName() + "(" + location + ")";
    }

    private static byte[] toJson(Map<String, Object> body) {
        try {
            return Json.mapper().writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serializes", e);
        }
    }
}
