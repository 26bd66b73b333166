package dev.regionless.functions.loader;

import dev.regionless.functions.sandbox.Sandbox;
import dev.regionless.functions.sandbox.SandboxView;
import java.io.IOException;
import java.net.URL;
import java.util.Enumeration;

/**
 * The class loader of one execution environment. Each environment gets its own, so static state is per
 * environment, exactly as each Lambda environment is its own process.
 *
 * <p>Classes come from the function's code first (child-first, like the Lambda runtime, so a function's own
 * AWS SDK and libraries are used); JDK classes come from the platform; only Lambda's handler contract
 * ({@code aws-lambda-java-core}) and the sandbox hooks are shared with the host, so the host can call handlers
 * through the real {@code RequestHandler} interface, and joda-time (see {@link #isShared}).
 */
public final class EnvironmentClassLoader extends ClassLoader implements Sandbox.SandboxedLoader {
    private static final ClassLoader HOST = EnvironmentClassLoader.class.getClassLoader();

    static {
        registerAsParallelCapable();
    }

    private final CodeBundle bundle;
    private final SandboxView view;

    public EnvironmentClassLoader(String name, CodeBundle bundle, SandboxView view) {
        super(name, ClassLoader.getPlatformClassLoader());
        this.bundle = bundle;
        this.view = view;
    }

    @Override
    public SandboxView sandboxView() {
        return view;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            var loaded = findLoadedClass(name);
            if (loaded == null) {
                loaded = loadFirstTime(name);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    private Class<?> loadFirstTime(String name) throws ClassNotFoundException {
        if (name.startsWith("java.")) {
            return getParent().loadClass(name);
        }
        if (isShared(name)) {
            return HOST.loadClass(name);
        }
        var bytes = bundle.classBytes(name);
        if (bytes.isPresent()) {
            definePackageOf(name);
            return defineClass(name, bytes.get(), 0, bytes.get().length, bundle.protectionDomain());
        }
        return getParent().loadClass(name);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        var bytes = bundle.classBytes(name).orElseThrow(() -> new ClassNotFoundException(name));
        definePackageOf(name);
        return defineClass(name, bytes, 0, bytes.length, bundle.protectionDomain());
    }

    @Override
    public URL getResource(String name) {
        var own = bundle.resource(name);
        return own != null ? own : getParent().getResource(name);
    }

    @Override
    protected URL findResource(String name) {
        return bundle.resource(name);
    }

    @Override
    protected Enumeration<URL> findResources(String name) throws IOException {
        return bundle.resources(name);
    }

    private void definePackageOf(String className) {
        int dot = className.lastIndexOf('.');
        if (dot > 0) {
            var packageName = className.substring(0, dot);
            if (getDefinedPackage(packageName) == null) {
                try {
                    definePackage(packageName, null, null, null, null, null, null, null);
                } catch (IllegalArgumentException alreadyDefinedByAnotherThread) {
                    // Harmless: the package exists, which is all we need.
                }
            }
        }
    }

    /**
     * Whether a class comes from the host rather than the function's code: the handler contract of
     * aws-lambda-java-core and our sandbox hooks (not the events or serialization libraries), and joda-time:
     * Amazon's event serialization library binds its reader of joda {@code DateTime} (in {@code ScheduledEvent},
     * {@code SNSEvent}, ...) to the first class loader it serves, once per JVM, as a Lambda JVM has one; with a
     * loader per environment, every later environment's {@code DateTime} would be a class it cannot read. Sharing
     * joda-time (the version aws-lambda-java-events depends on) gives every environment the one it can.
     */
    static boolean isShared(String className) {
        var packageName = className.substring(0, Math.max(0, className.lastIndexOf('.')));
        return packageName.equals("com.amazonaws.services.lambda.runtime")
                || packageName.equals("com.amazonaws.services.lambda.runtime.logging")
                || packageName.equals("dev.regionless.functions.sandbox")
                || className.startsWith("org.joda.time.");
    }
}
