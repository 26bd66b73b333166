package dev.regionless.functions.handler;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * Reads events into, and writes results from, the Java types a handler declares, with Amazon's own Lambda
 * serialization library: the event mix-ins for {@code aws-lambda-java-events} types, its Jackson setup for the rest.
 */
final class PayloadCodec {
    private final PojoSerializer<Object> serializer;

    private PayloadCodec(PojoSerializer<Object> serializer) {
        this.serializer = serializer;
    }

    static PayloadCodec forType(Type type, ClassLoader loader) {
        var raw = rawClass(type);
        if (raw != null && LambdaEventSerializers.isLambdaSupportedEvent(raw.getName())) {
            return new PayloadCodec(eventSerializer(raw, loader));
        }
        return new PayloadCodec(JacksonFactory.getInstance().getSerializer(type));
    }

    Object read(InputStream event) {
        return serializer.fromJson(event);
    }

    void write(Object value, OutputStream out) {
        serializer.toJson(value, out);
    }

    @SuppressWarnings("unchecked") // the serializer is for exactly this class, typed as Object for the caller
    private static PojoSerializer<Object> eventSerializer(Class<?> eventClass, ClassLoader loader) {
        return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(eventClass, loader);
    }

    static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return null;
    }
}
