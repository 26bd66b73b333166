package dev.regionless.functions.loader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SandboxRewriterTest {
    @Test
    void classThatNeverMentionsSystemIsReturnedUnchanged() throws IOException {
        var bytes = classBytes(Plain.class);

        assertThat(SandboxRewriter.rewrite(bytes) == bytes).isTrue();
    }

    @Test
    void getenvAndStandardStreamsAreRedirectedToTheSandbox() throws IOException {
        var rewritten = SandboxRewriter.rewrite(classBytes(ReadsEnvironment.class));

        var text = new String(rewritten, StandardCharsets.ISO_8859_1);
        assertThat(text).contains("dev/regionless/functions/sandbox/Sandbox");
    }

    private static byte[] classBytes(Class<?> type) throws IOException {
        try (var in = type.getResourceAsStream("/" + type.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }

    static final class Plain {
        int twice(int value) {
            return value * 2;
        }
    }

    static final class ReadsEnvironment {
        String region() {
            System.out.println("reading");
            return System.getenv("AWS_REGION");
        }
    }
}
