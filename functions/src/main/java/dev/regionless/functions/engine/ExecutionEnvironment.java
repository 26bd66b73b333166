package dev.regionless.functions.engine;

import com.amazonaws.services.lambda.runtime.Context;
import dev.regionless.functions.handler.HandlerBinding;
import dev.regionless.functions.handler.HandlerInvoker;
import dev.regionless.functions.loader.EnvironmentClassLoader;
import dev.regionless.functions.sandbox.SandboxView;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One execution environment: its own class loader (so its own static state), its own view of the environment
 * variables and standard streams, and the handler bound once at init. It runs one invocation at a time; the warm
 * pool hands it to one caller at a time.
 */
final class ExecutionEnvironment implements SandboxView {
    private final String id;
    private final DeployedFunction function;
    private final EnvironmentOutput output;
    private final EnvironmentClassLoader loader;
    private HandlerInvoker invoker;
    private Instant idleSince;

    ExecutionEnvironment(DeployedFunction function) {
        this.id = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        this.function = function;
        this.output = new EnvironmentOutput(function.log());
        this.loader = new EnvironmentClassLoader(function.config().name() + "#" + id, function.bundle(), this);
    }

    /** Static initialisation and construction of the handler, Lambda's init phase. */
    void init() throws Throwable {
        invoker = HandlerBinding.resolve(function.config().handler(), loader).bind();
    }

    void invoke(InputStream event, OutputStream result, Context context) throws Throwable {
        invoker.invoke(event, result, context);
    }

    String logStreamName(Instant createdAt) {
        var day = createdAt.toString().substring(0, 10).replace('-', '/');
        return day + "/[$LATEST]" + id;
    }

    EnvironmentOutput output() {
        return output;
    }

    void markIdle(Instant now) {
        idleSince = now;
    }

    boolean idleLongerThan(java.time.Duration keepAlive, Instant now) {
        return idleSince != null && idleSince.plus(keepAlive).isBefore(now);
    }

    @Override
    public Map<String, String> environment() {
        return function.environment();
    }

    @Override
    public PrintStream out() {
        return output.stream();
    }

    @Override
    public PrintStream err() {
        return output.stream();
    }
}
