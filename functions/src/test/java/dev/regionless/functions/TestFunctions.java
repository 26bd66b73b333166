package dev.regionless.functions;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the jar of test handlers that the build makes before this module's tests run. */
public final class TestFunctions {
    private TestFunctions() {}

    public static Path jar() {
        var configured = System.getProperty("regionless.testFunctions");
        var jar = configured != null ? Path.of(configured) : Path.of("../test-functions/target/test-functions.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("build the test-functions module first: " + jar.toAbsolutePath());
        }
        return jar;
    }

    public static FunctionConfig function(String name, String handler) {
        return FunctionConfig.of(name, "dev.regionless.testfunctions." + handler, jar());
    }
}
