package dev.regionless.router;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A request written byte for byte, for what the JDK's client will not send: any {@code Host} header, headers over
 * a server's limit.
 */
final class RawHttp {
    private RawHttp() {}

    /** Sends {@code head} (request line and headers, without the blank line) and answers the whole response. */
    static String send(URI server, String head) {
        try (var socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(10_000);
            var out = socket.getOutputStream();
            out.write((head + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int status(String response) {
        return Integer.parseInt(response.substring(9, 12));
    }

    static String body(String response) {
        return response.substring(response.indexOf("\r\n\r\n") + 4);
    }
}
