package dev.regionless.router.internal;

import dev.regionless.router.protocol.DnsResponder;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.datagram.DatagramSocket;
import io.vertx.core.datagram.DatagramSocketOptions;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The edge's DNS server: one port number for UDP and TCP (RFC 1035; TCP messages carry a two-byte length, several
 * per connection). Every query goes to the {@link DnsResponder}; what cannot be answered is dropped, never thrown.
 */
public final class DnsServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DnsServer.class);
    private static final int BIND_ATTEMPTS = 5;
    private static final int TCP_IDLE_SECONDS = 30;

    private final DnsResponder responder;
    private NetServer tcp;
    private DatagramSocket udp;

    private DnsServer(DnsResponder responder) {
        this.responder = responder;
    }

    /** Listens on {@code host:port} over both transports; port 0 finds one free for both. */
    public static DnsServer start(Vertx vertx, String host, int port, DnsResponder responder) {
        var server = new DnsServer(responder);
        IllegalStateException last = null;
        for (int attempt = 0; attempt < (port == 0 ? BIND_ATTEMPTS : 1); attempt++) {
            var tcp = await(vertx.createNetServer(new NetServerOptions().setIdleTimeout(TCP_IDLE_SECONDS))
                    .connectHandler(server::serveTcp)
                    .listen(port, host));
            try {
                var udp = await(
                        vertx.createDatagramSocket(new DatagramSocketOptions()).listen(tcp.actualPort(), host));
                server.tcp = tcp;
                server.udp = udp;
                udp.handler(packet -> server.serveUdp(udp, packet.data(), packet.sender()));
                return server;
            } catch (IllegalStateException e) {
                // The TCP port's number is taken for UDP: try another.
                last = e;
                await(tcp.close());
            }
        }
        throw last;
    }

    public int port() {
        return tcp.actualPort();
    }

    private void serveUdp(DatagramSocket socket, Buffer data, io.vertx.core.net.SocketAddress sender) {
        try {
            responder
                    .respond(data.getBytes(), true)
                    .ifPresent(answer -> socket.send(Buffer.buffer(answer), sender.port(), sender.host()));
        } catch (RuntimeException e) {
            LOG.debug("DNS query from {} dropped: {}", sender, e.toString());
        }
    }

    private void serveTcp(NetSocket socket) {
        var parser = RecordParser.newFixed(2);
        var expectingLength = new boolean[] {true};
        parser.handler(record -> {
            if (expectingLength[0]) {
                int length = record.getUnsignedShort(0);
                if (length == 0) {
                    socket.close();
                    return;
                }
                expectingLength[0] = false;
                parser.fixedSizeMode(length);
                return;
            }
            expectingLength[0] = true;
            parser.fixedSizeMode(2);
            try {
                responder
                        .respond(record.getBytes(), false)
                        .ifPresent(answer -> socket.write(Buffer.buffer()
                                .appendUnsignedShort(answer.length)
                                .appendBytes(answer)));
            } catch (RuntimeException e) {
                LOG.debug("DNS query over TCP dropped: {}", e.toString());
                socket.close();
            }
        });
        socket.handler(parser);
        socket.exceptionHandler(error -> socket.close());
    }

    @Override
    public void close() {
        if (udp != null) {
            await(udp.close());
        }
        if (tcp != null) {
            await(tcp.close());
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting or stopping the DNS server", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("DNS server: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
