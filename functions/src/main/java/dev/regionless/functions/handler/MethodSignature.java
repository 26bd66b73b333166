package dev.regionless.functions.handler;

import com.amazonaws.services.lambda.runtime.Context;
import dev.regionless.functions.loader.CodeLoadingException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Comparator;

/**
 * The shape of a handler method and how to build its arguments. Lambda accepts {@code (InputStream,
 * OutputStream[, Context])}, {@code (Input[, Context])}, {@code (Context)} and {@code ()}; among overloads it
 * prefers the one with the most parameters, and one that takes a {@code Context} last.
 */
record MethodSignature(boolean isStream, PayloadCodec input, boolean takesContext) {

    private static final String EXPECTED = "(InputStream, OutputStream[, Context]), (Input[, Context]) or ()";

    static Method choose(Class<?> handlerClass, String methodName) {
        var candidates = Arrays.stream(handlerClass.getMethods())
                .filter(m -> m.getName().equals(methodName) && !m.isBridge() && !m.isSynthetic())
                .sorted(Comparator.comparingInt(Method::getParameterCount)
                        .reversed()
                        .thenComparing(m -> !endsWithContext(m)))
                .toList();
        if (candidates.isEmpty()) {
            throw new CodeLoadingException(missingMethodMessage(handlerClass, methodName));
        }
        return candidates.stream()
                .filter(MethodSignature::isSupported)
                .findFirst()
                .orElseThrow(() -> new CodeLoadingException("Handler: method " + handlerClass.getName() + "::"
                        + methodName + Arrays.toString(candidates.get(0).getParameterTypes())
                        + " has a signature Lambda cannot call (expected: " + EXPECTED + ")"));
    }

    static MethodSignature of(Method method) {
        var params = method.getParameterTypes();
        if (isStreamSignature(params)) {
            return new MethodSignature(true, null, params.length == 3);
        }
        boolean takesContext = params.length > 0 && params[params.length - 1] == Context.class;
        boolean takesInput = params.length - (takesContext ? 1 : 0) == 1;
        var input = takesInput
                ? PayloadCodec.forType(
                        method.getGenericParameterTypes()[0],
                        method.getDeclaringClass().getClassLoader())
                : null;
        return new MethodSignature(false, input, takesContext);
    }

    Object[] arguments(InputStream event, OutputStream out, Context context) {
        if (isStream) {
            return takesContext ? new Object[] {event, out, context} : new Object[] {event, out};
        }
        if (input == null) {
            return takesContext ? new Object[] {context} : new Object[0];
        }
        var value = input.read(event);
        return takesContext ? new Object[] {value, context} : new Object[] {value};
    }

    private static boolean isSupported(Method method) {
        var params = method.getParameterTypes();
        return switch (params.length) {
            case 0 -> true;
            case 1 -> params[0] != OutputStream.class;
            case 2 -> isStreamSignature(params) || params[1] == Context.class;
            case 3 -> isStreamSignature(params);
            default -> false;
        };
    }

    private static boolean isStreamSignature(Class<?>[] params) {
        return params.length >= 2
                && params[0] == InputStream.class
                && params[1] == OutputStream.class
                && (params.length == 2 || (params.length == 3 && params[2] == Context.class));
    }

    private static boolean endsWithContext(Method method) {
        var params = method.getParameterTypes();
        return params.length > 0 && params[params.length - 1] == Context.class;
    }

    private static String missingMethodMessage(Class<?> handlerClass, String methodName) {
        boolean existsButHidden = Arrays.stream(handlerClass.getDeclaredMethods())
                .anyMatch(m -> m.getName().equals(methodName) && !Modifier.isPublic(m.getModifiers()));
        return existsButHidden
                ? "Handler: method " + handlerClass.getName() + "::" + methodName + " is not public (expected: public)"
                : "Handler: class " + handlerClass.getName() + " has no method named " + methodName;
    }
}
