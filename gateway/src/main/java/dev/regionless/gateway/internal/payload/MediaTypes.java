package dev.regionless.gateway.internal.payload;

import dev.regionless.gateway.ApiType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which bodies are binary. HTTP APIs pass text content types as text and base64-encode everything else; REST APIs
 * base64-encode exactly the content types listed in the API's {@code binaryMediaTypes}.
 */
public final class MediaTypes {

    private MediaTypes() {}

    /** Whether a request body goes to the function base64-encoded. */
    public static boolean isBinaryRequest(ApiType type, Optional<String> contentType, List<String> binaryTypes) {
        return switch (type) {
            case HTTP -> contentType.map(ct -> !isTextual(ct)).orElse(true);
            case REST -> contentType.map(ct -> matchesAny(ct, binaryTypes)).orElse(false);
        };
    }

    /**
     * Whether a content type is text to an HTTP API: {@code text/*}, JSON, XML, JavaScript, and the
     * {@code +json} and {@code +xml} structured suffixes.
     */
    public static boolean isTextual(String contentType) {
        var type = essence(contentType);
        return type.startsWith("text/")
                || type.equals("application/json")
                || type.equals("application/xml")
                || type.equals("application/javascript")
                || type.endsWith("+json")
                || type.endsWith("+xml");
    }

    /**
     * Whether a content type matches one of these patterns: exact ({@code image/png}), a subtype wildcard
     * ({@code image/*}) or any type ({@code *}/{@code *}).
     */
    public static boolean matchesAny(String contentType, List<String> patterns) {
        var type = essence(contentType);
        for (var raw : patterns) {
            // CloudFormation writes '/' as "~1" in binaryMediaTypes (a JSON-pointer escape).
            var pattern = raw.replace("~1", "/").trim().toLowerCase(Locale.ROOT);
            if (pattern.equals("*/*") || pattern.equals(type)) {
                return true;
            }
            if (pattern.endsWith("/*") && type.startsWith(pattern.substring(0, pattern.length() - 1))) {
                return true;
            }
        }
        return false;
    }

    /** The media type without parameters, in lower case: {@code text/html; charset=utf-8} gives {@code text/html}. */
    public static String essence(String contentType) {
        int semicolon = contentType.indexOf(';');
        var type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return type.trim().toLowerCase(Locale.ROOT);
    }
}
