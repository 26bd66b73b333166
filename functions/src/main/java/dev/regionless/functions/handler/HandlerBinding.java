package dev.regionless.functions.handler;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.regionless.functions.loader.CodeLoadingException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * A handler string resolved against a class loader: which class, which method, how its input and output are
 * (de)serialized. Resolving does not initialise the class, so a deploy can check a handler without running it;
 * {@link #bind()} then initialises it once per execution environment.
 */
public final class HandlerBinding {
    private final Class<?> handlerClass;
    private final HandlerShape shape;

    private HandlerBinding(Class<?> handlerClass, HandlerShape shape) {
        this.handlerClass = handlerClass;
        this.shape = shape;
    }

    /**
     * Finds the handler's class and method.
     *
     * @throws CodeLoadingException naming the class or method when it is missing or has no signature Lambda accepts
     */
    public static HandlerBinding resolve(String handler, ClassLoader loader) {
        var name = HandlerName.parse(handler);
        var handlerClass = loadWithoutInit(name.className(), loader);
        return new HandlerBinding(handlerClass, HandlerShape.of(handlerClass, name.methodName()));
    }

    public Class<?> handlerClass() {
        return handlerClass;
    }

    /**
     * Runs the class's static initialisation and constructor (the environment's init phase) and returns the
     * invoker that the environment calls for each event.
     */
    public HandlerInvoker bind() throws Throwable {
        try {
            Class.forName(handlerClass.getName(), true, handlerClass.getClassLoader());
            var instance = shape.needsInstance() ? newInstance() : null;
            return shape.invoker(instance);
        } catch (ExceptionInInitializerError e) {
            throw e.getCause() == null ? e : e.getCause();
        }
    }

    private Object newInstance() throws Throwable {
        try {
            var constructor = handlerClass.getConstructor();
            return constructor.newInstance();
        } catch (NoSuchMethodException e) {
            throw new CodeLoadingException("Handler: class " + handlerClass.getName()
                    + " has no public no-argument constructor (expected one, or a static handler method)");
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static Class<?> loadWithoutInit(String className, ClassLoader loader) {
        try {
            return Class.forName(className, false, loader);
        } catch (ClassNotFoundException e) {
            throw new CodeLoadingException("Handler: class " + className + " was not found in the function's code");
        } catch (LinkageError e) {
            throw new CodeLoadingException("Handler: class " + className + " cannot be loaded (" + e + ")", e);
        }
    }

    /** How a handler is called; chosen once at resolve time. */
    sealed interface HandlerShape {
        boolean needsInstance();

        HandlerInvoker invoker(Object instance);

        static HandlerShape of(Class<?> handlerClass, String methodName) {
            boolean interfaceMethod = methodName == null || methodName.equals("handleRequest");
            if (interfaceMethod && RequestStreamHandler.class.isAssignableFrom(handlerClass)) {
                return new StreamHandlerShape();
            }
            if (interfaceMethod && RequestHandler.class.isAssignableFrom(handlerClass)) {
                return RequestHandlerShape.of(handlerClass);
            }
            if (methodName == null) {
                throw new CodeLoadingException("Handler: class " + handlerClass.getName()
                        + " implements neither RequestHandler nor RequestStreamHandler"
                        + " (expected: one of them, or a method named as package.Class::method)");
            }
            return MethodShape.of(handlerClass, methodName);
        }
    }

    record StreamHandlerShape() implements HandlerShape {
        @Override
        public boolean needsInstance() {
            return true;
        }

        @Override
        public HandlerInvoker invoker(Object instance) {
            var handler = (RequestStreamHandler) instance;
            return handler::handleRequest;
        }
    }

    record RequestHandlerShape(PayloadCodec input, Method method) implements HandlerShape {
        static RequestHandlerShape of(Class<?> handlerClass) {
            var method = MethodSignature.choose(handlerClass, "handleRequest");
            var input = PayloadCodec.forType(method.getGenericParameterTypes()[0], handlerClass.getClassLoader());
            return new RequestHandlerShape(input, method);
        }

        @Override
        public boolean needsInstance() {
            return true;
        }

        @Override
        @SuppressWarnings("unchecked") // RequestHandler's type arguments are checked by the codec, as Lambda does
        public HandlerInvoker invoker(Object instance) {
            var handler = (RequestHandler<Object, Object>) instance;
            var writer = new ResultWriter(
                    method.getGenericReturnType(), method.getDeclaringClass().getClassLoader());
            return (event, out, context) -> writer.write(handler.handleRequest(input.read(event), context), out);
        }
    }

    record MethodShape(Method method, MethodSignature signature) implements HandlerShape {
        static MethodShape of(Class<?> handlerClass, String methodName) {
            var method = MethodSignature.choose(handlerClass, methodName);
            return new MethodShape(method, MethodSignature.of(method));
        }

        @Override
        public boolean needsInstance() {
            return !Modifier.isStatic(method.getModifiers());
        }

        @Override
        public HandlerInvoker invoker(Object instance) {
            var writer = new ResultWriter(
                    method.getGenericReturnType(), method.getDeclaringClass().getClassLoader());
            return (event, out, context) -> {
                var args = signature.arguments(event, out, context);
                Object result;
                try {
                    result = method.invoke(instance, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
                if (!signature.isStream()) {
                    writer.write(result, out);
                }
            };
        }
    }
}
