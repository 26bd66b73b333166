package dev.regionless.functions.handler;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a handler's return value as Lambda does: JSON of the declared type, or of the value's own class when
 * the declaration says only {@code Object}; {@code null} for void or a null result. Codecs are built once.
 */
final class ResultWriter {
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

    private final Type declaredType;
    private final ClassLoader loader;
    private final Map<Type, PayloadCodec> codecs = new ConcurrentHashMap<>();

    ResultWriter(Type declaredType, ClassLoader loader) {
        this.declaredType = declaredType;
        this.loader = loader;
    }

    void write(Object result, OutputStream out) throws IOException {
        if (result == null) {
            out.write(NULL);
            return;
        }
        boolean declaredOnlyAsObject = declaredType == Object.class || declaredType instanceof TypeVariable<?>;
        Type type = declaredOnlyAsObject ? result.getClass() : declaredType;
        codecs.computeIfAbsent(type, t -> PayloadCodec.forType(t, loader)).write(result, out);
    }
}
