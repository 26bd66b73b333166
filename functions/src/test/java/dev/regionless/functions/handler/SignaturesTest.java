package dev.regionless.functions.handler;

import static dev.regionless.functions.TestFunctions.function;
import static org.assertj.core.api.Assertions.assertThat;

import dev.regionless.functions.FunctionsConfig;
import dev.regionless.functions.InvocationResult;
import dev.regionless.functions.engine.LocalFunctions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignaturesTest {
    @TempDir
    Path logs;

    private LocalFunctions functions;

    @BeforeEach
    void start() {
        functions = new LocalFunctions(FunctionsConfig.defaults("us-west-2", URI.create("http://127.0.0.1:1"), logs));
        functions.deploy(List.of(
                function("pojo", "Signatures::pojo"),
                function("text", "Signatures::text"),
                function("map", "Signatures::map"),
                function("stream", "Signatures::stream"),
                function("none", "Signatures::noInput")));
    }

    @AfterEach
    void stop() {
        functions.close();
    }

    @Test
    void pojoInputIsBoundFromJsonFields() {
        assertThat(call("pojo", "{\"name\":\"quack\",\"times\":2}")).isEqualTo("\"quack quack\"");
    }

    @Test
    void stringInputWithContextReceivesTheJsonString() {
        assertThat(call("text", "\"hi\"")).isEqualTo("\"HI from text\"");
    }

    @Test
    void mapInputReceivesTheJsonObject() {
        assertThat(call("map", "{\"a\":1,\"b\":2}")).isEqualTo("{\"keys\":2}");
    }

    @Test
    void streamHandlerMethodGetsTheRawBytes() {
        assertThat(call("stream", "{\"x\":1}")).isEqualTo("[{\"x\":1}]");
    }

    @Test
    void methodWithoutInputIgnoresTheEvent() {
        assertThat(call("none", "{\"ignored\":true}")).isEqualTo("\"nothing needed\"");
    }

    private String call(String name, String event) {
        var result = functions.invoke(name, event.getBytes(StandardCharsets.UTF_8));
        assertThat(result).isInstanceOf(InvocationResult.Completed.class);
        return new String(((InvocationResult.Completed) result).payload(), StandardCharsets.UTF_8);
    }
}
