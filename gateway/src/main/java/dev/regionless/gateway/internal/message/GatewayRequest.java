package dev.regionless.gateway.internal.message;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One request to the app port, read in full.
 *
 * @param method the HTTP method, upper case
 * @param rawPath the path as received, still percent-encoded, stage prefix included
 * @param rawQuery the query string without '?', still encoded; "" when there is none
 * @param headers every header line in arrival order, names as the client wrote them
 * @param body the body, empty when there is none
 * @param sourceIp the client's address
 * @param protocol the protocol, for example {@code HTTP/1.1}
 */
public record GatewayRequest(
        String method,
        String rawPath,
        String rawQuery,
        List<Header> headers,
        byte[] body,
        String sourceIp,
        String protocol) {

    public GatewayRequest {
        requireNonNull(method, "method");
        requireNonNull(rawPath, "rawPath");
        rawQuery = rawQuery == null ? "" : rawQuery;
        headers = List.copyOf(headers);
        body = body == null ? new byte[0] : body;
        sourceIp = sourceIp == null ? "" : sourceIp;
        protocol = protocol == null ? "HTTP/1.1" : protocol;
    }

    /** The first value of a header, matched case-insensitively. */
    public Optional<String> header(String name) {
        return headers.stream().filter(h -> h.named(name)).map(Header::value).findFirst();
    }

    /** This request with one more header at the end. */
    public GatewayRequest withHeader(String name, String value) {
        var copy = new ArrayList<>(headers);
        copy.add(new Header(name, value));
        return new GatewayRequest(method, rawPath, rawQuery, copy, body, sourceIp, protocol);
    }

    /** This request with every header of that name replaced by one with the given value, kept in place. */
    public GatewayRequest withHeaderReplaced(String name, String value) {
        var copy = new ArrayList<Header>();
        boolean replaced = false;
        for (var header : headers) {
            if (!header.named(name)) {
                copy.add(header);
            } else if (!replaced) {
                copy.add(new Header(header.name(), value));
                replaced = true;
            }
        }
        if (!replaced) {
            copy.add(new Header(name, value));
        }
        return new GatewayRequest(method, rawPath, rawQuery, copy, body, sourceIp, protocol);
    }
}
