package dev.regionless.region;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** Templates over the test handler jar, and SDK clients pointed at a region, as a user would build them. */
final class TestApps {
    private TestApps() {}

    static Path testFunctionsJar() {
        var configured = System.getProperty("regionless.testFunctions");
        return Path.of(configured != null ? configured : "../test-functions/target/test-functions.jar")
                .toAbsolutePath();
    }

    static Path helloTemplate() {
        var home = System.getProperty("regionless.home", "..");
        return Path.of(home).resolve("examples/hello/template.yaml").toAbsolutePath();
    }

    /** Quack, the reference chat, from its own template (its jar is built by examples/quack). */
    static Path quackTemplate() {
        var home = System.getProperty("regionless.home", "..");
        return Path.of(home).resolve("examples/quack/template.yaml").toAbsolutePath();
    }

    /** Writes a template whose {@code ${jar}} placeholders name the test handler jar. */
    static Path template(Path folder, String yaml) {
        try {
            var file = folder.resolve("template.yaml");
            Files.writeString(file, yaml.replace("${jar}", testFunctionsJar().toString()));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LambdaClient lambda(RegionNode region) {
        return LambdaClient.builder()
                .endpointOverride(region.endpoints().service())
                .region(Region.of(region.name()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    static URI app(RegionNode region, String path) {
        return URI.create(region.appUri() + path);
    }
}
