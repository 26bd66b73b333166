package dev.regionless.gateway.testing;

import dev.regionless.gateway.internal.message.GatewayRequest;
import dev.regionless.gateway.internal.message.Header;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds {@link GatewayRequest}s for unit tests: method, path and query, then headers and a body. */
public final class Requests {
    private final String method;
    private final String path;
    private final String query;
    private final List<Header> headers = new ArrayList<>();
    private byte[] body = new byte[0];

    private Requests(String method, String target) {
        this.method = method;
        int question = target.indexOf('?');
        this.path = question < 0 ? target : target.substring(0, question);
        this.query = question < 0 ? "" : target.substring(question + 1);
        headers.add(new Header("Host", "abc123.execute-api.eu-west-2.amazonaws.com"));
        headers.add(new Header("User-Agent", "curl/8.5.0"));
    }

    /** A request line: {@code request("GET", "/Prod/items/1?a=b")}. */
    public static Requests request(String method, String target) {
        return new Requests(method, target);
    }

    /** One more header line. */
    public Requests header(String name, String value) {
        headers.add(new Header(name, value));
        return this;
    }

    /** A text body. */
    public Requests body(String text) {
        return body(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A body. */
    public Requests body(byte[] bytes) {
        this.body = bytes;
        return this;
    }

    /** The request, from 203.0.113.7 over HTTP/1.1. */
    public GatewayRequest build() {
        return new GatewayRequest(method, path, query, headers, body, "203.0.113.7", "HTTP/1.1");
    }
}
