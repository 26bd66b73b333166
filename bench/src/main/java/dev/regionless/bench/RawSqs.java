package dev.regionless.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * SQS JSON-protocol calls written as raw HTTP/1.1 over kept-alive sockets: a load generator that costs the machine
 * a few microseconds a call, where the AWS SDK costs hundreds, so that a benchmark on two cores measures the
 * servers rather than the clients. Every request carries the headers the SDK sends (target, content type, an
 * {@code Authorization} header of the SDK's shape with a fixed signature: neither server checks signatures), so
 * both servers parse the same bytes. One connection per calling thread at a time, taken from a pool.
 */
final class RawSqs implements AutoCloseable {
    private static final String AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=bench/20261127/eu-west-2/sqs/aws4_request,"
            + " SignedHeaders=amz-sdk-invocation-id;content-length;content-type;host;x-amz-date;x-amz-target,"
            + " Signature=" + "0".repeat(64);

    private final InetSocketAddress address;
    private final String host;
    private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Connection> all = new ConcurrentLinkedQueue<>();

    RawSqs(URI endpoint) {
        this.address = new InetSocketAddress(endpoint.getHost(), endpoint.getPort());
        this.host = endpoint.getHost() + ":" + endpoint.getPort();
    }

    /**
     * Posts {@code body} as {@code AmazonSQS.<action>} and answers the response body; a status other than 200 is an
     * error naming the status and the body.
     */
    String call(String action, String body) {
        var connection = idle.poll();
        if (connection == null) {
            connection = open();
        }
        var answer = connection.exchange(request(action, body));
        idle.offer(connection);
        return answer;
    }

    private byte[] request(String action, String body) {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        var head = "POST / HTTP/1.1\r\nHost: " + host
                + "\r\nContent-Type: application/x-amz-json-1.0\r\nX-Amz-Target: AmazonSQS." + action
                + "\r\nX-Amz-Date: 20261127T080000Z\r\nAuthorization: " + AUTHORIZATION
                + "\r\nContent-Length: " + bytes.length + "\r\n\r\n";
        var headBytes = head.getBytes(StandardCharsets.US_ASCII);
        var request = new byte[headBytes.length + bytes.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(bytes, 0, request, headBytes.length, bytes.length);
        return request;
    }

    private Connection open() {
        try {
            var socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(address, 5_000);
            socket.setSoTimeout(30_000);
            var connection = new Connection(socket);
            all.add(connection);
            return connection;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect to " + address, e);
        }
    }

    /** Quotes a string for a JSON body. */
    static String quote(String value) {
        var out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    @Override
    public void close() {
        all.forEach(Connection::close);
    }

    /** One kept-alive connection: writes a request, reads one response with a {@code Content-Length}. */
    private static final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
            this.in = new BufferedInputStream(socket.getInputStream(), 16_384);
        }

        String exchange(byte[] request) {
            try {
                out.write(request);
                out.flush();
                var status = line();
                int length = -1;
                for (var header = line(); !header.isEmpty(); header = line()) {
                    if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                        length = Integer.parseInt(header.substring(15).trim());
                    }
                }
                if (length < 0) {
                    throw new IllegalStateException("a response without Content-Length: " + status);
                }
                var body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
                if (!status.startsWith("HTTP/1.1 200")) {
                    throw new IllegalStateException(status + ": " + body);
                }
                return body;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private String line() throws IOException {
            var text = new StringBuilder(64);
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("the server closed the connection");
                }
                if (c != '\r') {
                    text.append((char) c);
                }
            }
            return text.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing at the end of a run: nothing left to do with it
            }
        }
    }
}
