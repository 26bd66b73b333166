package dev.regionless.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/** Handler methods in each shape Lambda accepts, named as {@code Signatures::method}. */
public class Signatures {
    /** A plain object input, as Jackson binds it. */
    public static class Greeting {
        public String name;
        public int times;
    }

    public String pojo(Greeting greeting) {
        return (greeting.name + " ").repeat(greeting.times).trim();
    }

    public static String text(String input, Context context) {
        return input.toUpperCase() + " from " + context.getFunctionName();
    }

    public Map<String, Object> map(Map<String, Object> input) {
        return Map.of("keys", input.keySet().size());
    }

    public void stream(InputStream in, OutputStream out, Context context) throws IOException {
        out.write(("[" + new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8) + "]")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public String noInput() {
        return "nothing needed";
    }

    public void impossible(String a, String b, String c) {
        throw new UnsupportedOperationException("Lambda never calls a method with three inputs");
    }
}
