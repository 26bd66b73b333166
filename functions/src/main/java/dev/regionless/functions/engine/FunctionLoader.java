package dev.regionless.functions.engine;

import dev.regionless.functions.FunctionConfig;
import dev.regionless.functions.FunctionErrors;
import dev.regionless.functions.FunctionInfo;
import dev.regionless.functions.FunctionsConfig;
import dev.regionless.functions.handler.HandlerBinding;
import dev.regionless.functions.loader.CodeBundle;
import dev.regionless.functions.loader.CodeLoadingException;
import dev.regionless.functions.loader.EnvironmentClassLoader;
import dev.regionless.functions.sandbox.SandboxView;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Turns a {@link FunctionConfig} into a {@link DeployedFunction}: opens its code, builds the environment its
 * handler will see, and checks that the handler resolves (without running any of its code) so that a bad deploy
 * fails before it replaces a good one.
 */
final class FunctionLoader implements AutoCloseable {
    private final FunctionsConfig config;
    private final PlatformVariables platformVariables;
    private final Path extractionRoot;

    FunctionLoader(FunctionsConfig config, PlatformVariables platformVariables) {
        this.config = config;
        this.platformVariables = platformVariables;
        try {
            this.extractionRoot = Files.createTempDirectory("regionless-code-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder for function code", e);
        }
    }

    DeployedFunction reuseOrLoad(DeployedFunction current, FunctionConfig function, FunctionLog log, Meter meter) {
        var bundle = open(function);
        if (current != null
                && current.config().equals(function)
                && current.bundle().sha256().equals(bundle.sha256())) {
            bundle.close();
            return current;
        }
        checkHandler(function, bundle);
        var info = new FunctionInfo(
                function,
                config.functionArn(function.name()),
                bundle.sha256(),
                bundle.size(),
                config.clock().instant());
        var environment = FunctionEnvironment.of(function, config, environmentLogStream(function));
        return new DeployedFunction(info, bundle, environment, platformVariables, log, meter);
    }

    private CodeBundle open(FunctionConfig function) {
        try {
            return CodeBundle.open(function.codeUri(), extractionRoot);
        } catch (CodeLoadingException e) {
            throw FunctionErrors.invalidParameter("Function " + function.name() + ": " + e.getMessage());
        }
    }

    private static void checkHandler(FunctionConfig function, CodeBundle bundle) {
        var probe = new EnvironmentClassLoader(function.name() + "#probe", bundle, new SilentView());
        try {
            HandlerBinding.resolve(function.handler(), probe);
        } catch (CodeLoadingException e) {
            throw FunctionErrors.invalidParameter("Function " + function.name() + ": " + e.getMessage());
        } catch (LinkageError e) {
            throw FunctionErrors.invalidParameter("Function " + function.name() + ": Handler: " + function.handler()
                    + " cannot be linked (" + e + "); is a library missing from CodeUri?");
        }
    }

    private static String environmentLogStream(FunctionConfig function) {
        return "/aws/lambda/" + function.name();
    }

    @Override
    public void close() {
        try (var files = Files.walk(extractionRoot)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Temporary files only; the OS cleans its temp folder.
        }
    }

    /** The view of a probe loader, which never runs code that could read it. */
    private static final class SilentView implements SandboxView {
        private final PrintStream discard = new PrintStream(OutputStream.nullOutputStream());

        @Override
        public Map<String, String> environment() {
            return Map.of();
        }

        @Override
        public PrintStream out() {
            return discard;
        }

        @Override
        public PrintStream err() {
            return discard;
        }
    }
}
