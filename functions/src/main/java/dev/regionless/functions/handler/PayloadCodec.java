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

    /**
     * The library's serializer for an event class of one execution environment.
     *
     * <p>The library remembers the classes it loads for an event's nested types (a DynamoDB event's
     * {@code StreamRecord} and {@code AttributeValue}) in one static map keyed by class name alone, so a second class
     * loader would get serializers bound to the first loader's classes, and read every such event empty. On Lambda
     * each JVM has one loader; here every execution environment has its own. So the map is emptied before each
     * serializer is built, under a lock, and the serializer captures the classes of the loader it is built for.
     */
    @SuppressWarnings("unchecked") // the serializer is for exactly this class, typed as Object for the caller
    private static PojoSerializer<Object> eventSerializer(Class<?> eventClass, ClassLoader loader) {
        synchronized (PayloadCodec.class) {
            NESTED_CLASS_CACHE.clear();
            return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(eventClass, loader);
        }
    }

    /** {@code SerializeUtil.cachedClasses}: private, so reached by reflection, the one way to reset it. */
    private static final java.util.Map<?, ?> NESTED_CLASS_CACHE = nestedClassCache();

    private static java.util.Map<?, ?> nestedClassCache() {
        try {
            var field = com.amazonaws.services.lambda.runtime.serialization.util.SerializeUtil.class.getDeclaredField(
                    "cachedClasses");
            field.setAccessible(true);
            return (java.util.Map<?, ?>) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    "aws-lambda-java-serialization changed: its class cache cannot be reset (" + e + ")", e);
        }
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
