package dev.regionless.testkit.authorizers;

import com.sun.net.httpserver.HttpServer;
import dev.regionless.common.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A stand-in for a third-party OpenID provider: an RSA key pair made for the test, its discovery document and JWKS
 * served on a loopback port, and tokens signed with it.
 */
final class JwtIssuer implements AutoCloseable {
    static final String KEY_ID = "test-key";

    private final KeyPair keys;
    private final HttpServer server;

    private JwtIssuer(KeyPair keys, HttpServer server) {
        this.keys = keys;
        this.server = server;
    }

    static JwtIssuer start() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var keys = generator.generateKeyPair();
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            var issuer = new JwtIssuer(keys, server);
            var base = issuer.url();
            serve(server, "/.well-known/openid-configuration", Map.of("issuer", base, "jwks_uri", base + "/jwks"));
            var publicKey = (RSAPublicKey) keys.getPublic();
            var jwk = Map.of(
                    "kty",
                    "RSA",
                    "kid",
                    KEY_ID,
                    "use",
                    "sig",
                    "alg",
                    "RS256",
                    "n",
                    base64(unsigned(publicKey.getModulus().toByteArray())),
                    "e",
                    base64(unsigned(publicKey.getPublicExponent().toByteArray())));
            serve(server, "/jwks", Map.of("keys", List.of(jwk)));
            server.start();
            return issuer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The issuer URL: {@code http://127.0.0.1:PORT}. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** An RS256 token with these claims, signed with the issuer's key. */
    String token(Map<String, Object> claims) {
        try {
            var header = base64(Json.mapper().writeValueAsBytes(Map.of("alg", "RS256", "kid", KEY_ID, "typ", "JWT")));
            var payload = base64(Json.mapper().writeValueAsBytes(claims));
            var signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(keys.getPrivate());
            signer.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + base64(signer.sign());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void serve(HttpServer server, String path, Object json) throws IOException {
        var body = Json.mapper().writeValueAsBytes(json);
        server.createContext(path, exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
    }

    private static byte[] unsigned(byte[] bytes) {
        return bytes.length > 1 && bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
