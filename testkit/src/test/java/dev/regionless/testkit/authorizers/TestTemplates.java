package dev.regionless.testkit.authorizers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.common.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/** Templates over the test handler jar, written to a temporary folder, and a plain HTTP client. */
final class TestTemplates {
    static final HttpClient HTTP = HttpClient.newHttpClient();

    private TestTemplates() {}

    /** Writes {@code yaml}, with {@code ${jar}} replaced by the test handler jar, as a template file. */
    static Path write(String yaml) {
        var configured = System.getProperty("regionless.testFunctions");
        var jar = Path.of(configured != null ? configured : "../test-functions/target/test-functions.jar")
                .toAbsolutePath();
        try {
            var folder = Files.createTempDirectory("authorizers");
            var file = folder.resolve("template.yaml");
            Files.writeString(file, yaml.replace("${jar}", jar.toString()));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HttpResponse<String> get(URI uri, String... headers) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(uri).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The event {@code ProxyEcho} sent back as its base64 body. */
    static JsonNode echoedEvent(HttpResponse<String> response) throws IOException {
        var body = response.body();
        var json = body.startsWith("{") ? body : new String(Base64.getDecoder().decode(body));
        return Json.mapper().readTree(json);
    }
}
