package dev.regionless.queues.protocol;

import dev.regionless.common.ServiceRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A query-protocol request's parameters: the URL's query string and, for a form POST, the body's. */
final class QueryRequest {
    private QueryRequest() {}

    static Map<String, String> parameters(ServiceRequest request) {
        var parameters = new LinkedHashMap<String, String>();
        if (isForm(request)) {
            parameters.putAll(QueryForm.decode(new String(request.body(), StandardCharsets.UTF_8)));
        }
        QueryForm.decode(request.rawQuery()).forEach(parameters::putIfAbsent);
        return parameters;
    }

    /** The {@code Action} of a query-protocol request to {@code /} or a queue URL, if it is one. */
    static Optional<String> action(ServiceRequest request) {
        var path = request.path();
        if (!path.equals("/") && !path.isEmpty() && !QueueUrls.isQueuePath(path)) {
            return Optional.empty();
        }
        var fromQuery = request.queryParameter("Action");
        if (fromQuery != null) {
            return Optional.of(fromQuery);
        }
        if (!isForm(request)) {
            return Optional.empty();
        }
        return Optional.ofNullable(QueryForm.decode(new String(request.body(), StandardCharsets.UTF_8))
                .get("Action"));
    }

    private static boolean isForm(ServiceRequest request) {
        var type = request.header("Content-Type");
        return "POST".equals(request.method())
                && type != null
                && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }
}
