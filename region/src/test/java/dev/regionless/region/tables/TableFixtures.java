package dev.regionless.region.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.awaitility.Awaitility;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** Tables and values for the conformance tests, written the way a DynamoDB user would write them. */
final class TableFixtures {
    private static final AtomicInteger TABLES = new AtomicInteger();

    private TableFixtures() {}

    /** A table name no other test uses, so tests sharing a target never see each other's tables. */
    static String uniqueName(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + TABLES.incrementAndGet();
    }

    /** Creates an on-demand table keyed by {@code pk} (S) and waits until it is active. */
    static String hashTable(DynamoDbClient client) {
        return create(
                client,
                uniqueName("hash"),
                b -> b.keySchema(hash("pk")).attributeDefinitions(attribute("pk", ScalarAttributeType.S)));
    }

    /** Creates an on-demand table keyed by {@code pk} (S) and {@code sk} (N) and waits until it is active. */
    static String hashRangeTable(DynamoDbClient client) {
        return create(
                client,
                uniqueName("range"),
                b -> b.keySchema(hash("pk"), range("sk"))
                        .attributeDefinitions(
                                attribute("pk", ScalarAttributeType.S), attribute("sk", ScalarAttributeType.N)));
    }

    /** Creates an on-demand table as {@code shape} describes it and waits until it is active. */
    static String create(
            DynamoDbClient client, String name, java.util.function.Consumer<CreateTableRequest.Builder> shape) {
        client.createTable(b -> {
            b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST);
            shape.accept(b);
        });
        awaitActive(client, name);
        return name;
    }

    static void awaitActive(DynamoDbClient client, String table) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(10))
                .until(() ->
                        client.describeTable(b -> b.tableName(table)).table().tableStatus() == TableStatus.ACTIVE);
    }

    static KeySchemaElement hash(String name) {
        return KeySchemaElement.builder()
                .attributeName(name)
                .keyType(KeyType.HASH)
                .build();
    }

    static KeySchemaElement range(String name) {
        return KeySchemaElement.builder()
                .attributeName(name)
                .keyType(KeyType.RANGE)
                .build();
    }

    static AttributeDefinition attribute(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder()
                .attributeName(name)
                .attributeType(type)
                .build();
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }

    static AttributeValue b(int... octets) {
        var value = new byte[octets.length];
        for (int i = 0; i < octets.length; i++) {
            value[i] = (byte) octets[i];
        }
        return AttributeValue.fromB(SdkBytes.fromByteArray(value));
    }

    static AttributeValue bool(boolean value) {
        return AttributeValue.fromBool(value);
    }

    static AttributeValue nul() {
        return AttributeValue.fromNul(true);
    }

    static AttributeValue ss(String... values) {
        return AttributeValue.fromSs(List.of(values));
    }

    static AttributeValue ns(String... values) {
        return AttributeValue.fromNs(List.of(values));
    }

    static AttributeValue l(AttributeValue... values) {
        return AttributeValue.fromL(List.of(values));
    }

    static AttributeValue m(Map<String, AttributeValue> value) {
        return AttributeValue.fromM(value);
    }

    /** An item from alternating names and values, in order. */
    static Map<String, AttributeValue> item(Object... namesAndValues) {
        var item = new LinkedHashMap<String, AttributeValue>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            item.put((String) namesAndValues[i], (AttributeValue) namesAndValues[i + 1]);
        }
        return item;
    }

    /**
     * Asserts that {@code call} fails with exactly the SDK exception {@code type} — the class the SDK picks from
     * the response's {@code __type} — and exactly {@code message} (any message when {@code message} is null, for
     * tests that check it themselves).
     */
    static <T extends DynamoDbException> T assertFails(ThrowingCallable call, Class<T> type, String message) {
        var error = catchThrowableOfType(type, call);
        assertThat(error).as("the call fails with %s", type.getSimpleName()).isNotNull();
        assertThat(error).isExactlyInstanceOf(type);
        assertThat(error.statusCode()).isEqualTo(400);
        if (message != null) {
            assertThat(error.awsErrorDetails().errorMessage()).isEqualTo(message);
        }
        if (type != DynamoDbException.class) {
            assertThat(error.awsErrorDetails().errorCode()).isEqualTo(type.getSimpleName());
        }
        return error;
    }

    /** Asserts that {@code call} fails with DynamoDB's ValidationException (no SDK class of its own) and {@code message}. */
    static DynamoDbException assertInvalid(ThrowingCallable call, String message) {
        var error = assertFails(call, DynamoDbException.class, message);
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        return error;
    }
}
