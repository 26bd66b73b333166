package dev.regionless.gateway.internal.message;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One response to write back: status, header lines (a name may repeat, as {@code Set-Cookie} does) and body.
 *
 * @param status the HTTP status code
 * @param headers the header lines, in order
 * @param body the body, possibly empty
 */
public record GatewayResponse(int status, List<Header> headers, byte[] body) {

    public GatewayResponse {
        headers = List.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    /** A response with a JSON body, already serialized, and {@code Content-Type: application/json}. */
    public static GatewayResponse json(int status, String json) {
        return new GatewayResponse(
                status, List.of(new Header("Content-Type", "application/json")), json.getBytes(StandardCharsets.UTF_8));
    }

    /** The first value of a header, matched case-insensitively. */
    public Optional<String> header(String name) {
        return headers.stream().filter(h -> h.named(name)).map(Header::value).findFirst();
    }

    /** Every value of a header, in order. */
    public List<String> headerValues(String name) {
        return headers.stream().filter(h -> h.named(name)).map(Header::value).toList();
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** This response with one more header line. */
    public GatewayResponse withHeader(String name, String value) {
        var copy = new ArrayList<>(headers);
        copy.add(new Header(name, value));
        return new GatewayResponse(status, copy, body);
    }

    /** This response with more header lines. */
    public GatewayResponse withHeaders(List<Header> more) {
        var copy = new ArrayList<>(headers);
        copy.addAll(more);
        return new GatewayResponse(status, copy, body);
    }

    /** This response without the header lines that match. */
    public GatewayResponse withoutHeaders(Predicate<Header> unwanted) {
        return new GatewayResponse(
                status, headers.stream().filter(unwanted.negate()).toList(), body);
    }
}
