package dev.regionless.region.tables;

import static dev.regionless.region.tables.TableFixtures.attribute;
import static dev.regionless.region.tables.TableFixtures.hash;
import static dev.regionless.region.tables.TableFixtures.range;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Differential: random sequences of writes, conditional writes, updates, queries and scans on random key schemas,
 * run on Regionless and on dynalite, must answer alike, operation by operation — the same items, or the same error
 * code and message. Bounded to a few tries so the suite stays fast; jqwik prints the seed of a failing sequence.
 */
@AddLifecycleHook(RandomOperationsIT.ReferenceInstalled.class)
class RandomOperationsIT {

    /** Key attribute types: the partition key's, and the sort key's or null for none. */
    record Schema(ScalarAttributeType hashType, ScalarAttributeType rangeType) {}

    sealed interface Operation {}

    record Put(int hash, int range, int a, boolean onlyIfAbsent) implements Operation {}

    /** kind 0: SET a = :v; 1: ADD c :v; 2: REMOVE b; 3: SET b = if_not_exists(b, :s) — guarded by a < :v if asked. */
    record Update(int hash, int range, int kind, int value, boolean guarded) implements Operation {}

    record Delete(int hash, int range, boolean guarded) implements Operation {}

    record Get(int hash, int range) implements Operation {}

    record Query(int hash, boolean forward, int limit, boolean filtered) implements Operation {}

    record Scan(boolean filtered) implements Operation {}

    @Property(tries = 8)
    void regionlessAndTheReferenceAnswerEveryOperationAlike(
            @ForAll("schemas") Schema schema, @ForAll("operations") List<Operation> operations) {
        var expected = run(ConformanceTargets.DYNALITE, schema, operations);

        var actual = run(ConformanceTargets.REGIONLESS, schema, operations);

        assertThat(actual).isEqualTo(expected);
    }

    @Provide
    Arbitrary<Schema> schemas() {
        var keyTypes = Arbitraries.of(ScalarAttributeType.S, ScalarAttributeType.N);
        var rangeTypes =
                Arbitraries.of(ScalarAttributeType.S, ScalarAttributeType.N).injectNull(0.34);
        return Combinators.combine(keyTypes, rangeTypes).as(Schema::new);
    }

    @Provide
    Arbitrary<List<Operation>> operations() {
        var key = Arbitraries.integers().between(0, 3);
        var value = Arbitraries.integers().between(-2, 5);
        var flag = Arbitraries.of(true, false);
        Arbitrary<Operation> put = Combinators.combine(key, key, value, flag).as(Put::new);
        Arbitrary<Operation> update = Combinators.combine(
                        key, key, Arbitraries.integers().between(0, 3), value, flag)
                .as(Update::new);
        Arbitrary<Operation> delete = Combinators.combine(key, key, flag).as(Delete::new);
        Arbitrary<Operation> get = Combinators.combine(key, key).as(Get::new);
        Arbitrary<Operation> query = Combinators.combine(
                        key, flag, Arbitraries.integers().between(0, 3), flag)
                .as(Query::new);
        Arbitrary<Operation> scan = flag.map(Scan::new);
        return Arbitraries.oneOf(List.of(put, put, update, update, delete, get, query, scan))
                .list()
                .ofMinSize(5)
                .ofMaxSize(25);
    }

    private static List<String> run(DynamoDbTarget target, Schema schema, List<Operation> operations) {
        var client = target.client();
        var table = TableFixtures.create(client, TableFixtures.uniqueName("random"), b -> {
            if (schema.rangeType() == null) {
                b.keySchema(hash("pk")).attributeDefinitions(attribute("pk", schema.hashType()));
            } else {
                b.keySchema(hash("pk"), range("sk"))
                        .attributeDefinitions(attribute("pk", schema.hashType()), attribute("sk", schema.rangeType()));
            }
        });
        var outcomes = new ArrayList<String>();
        for (var operation : operations) {
            outcomes.add(operation + " -> " + outcome(client, table, schema, operation));
        }
        return outcomes;
    }

    private static String outcome(DynamoDbClient client, String table, Schema schema, Operation operation) {
        try {
            return apply(client, table, schema, operation);
        } catch (DynamoDbException e) {
            return "error " + e.awsErrorDetails().errorCode() + ": "
                    + e.awsErrorDetails().errorMessage();
        }
    }

    private static String apply(DynamoDbClient client, String table, Schema schema, Operation operation) {
        return switch (operation) {
            case Put p -> {
                var item = new HashMap<>(key(schema, p.hash(), p.range()));
                item.put("a", AttributeValue.fromN(Integer.toString(p.a())));
                item.put("b", AttributeValue.fromS("b" + p.a()));
                client.putItem(b -> b.tableName(table)
                        .item(item)
                        .conditionExpression(p.onlyIfAbsent() ? "attribute_not_exists(pk)" : null));
                yield "ok";
            }
            case Update u -> {
                var expression = switch (u.kind()) {
                    case 0 -> "SET a = :v";
                    case 1 -> "ADD c :v";
                    case 2 -> "REMOVE b";
                    default -> "SET b = if_not_exists(b, :s)";
                };
                var values = new HashMap<String, AttributeValue>();
                if (u.kind() <= 1 || u.guarded()) {
                    values.put(":v", AttributeValue.fromN(Integer.toString(u.value())));
                }
                if (u.kind() == 3) {
                    values.put(":s", AttributeValue.fromS("s" + u.value()));
                }
                var response = client.updateItem(b -> b.tableName(table)
                        .key(key(schema, u.hash(), u.range()))
                        .updateExpression(expression)
                        .conditionExpression(u.guarded() ? "a < :v" : null)
                        .expressionAttributeValues(values.isEmpty() ? null : values)
                        .returnValues("ALL_NEW"));
                yield render(response.attributes());
            }
            case Delete d -> {
                var response = client.deleteItem(b -> b.tableName(table)
                        .key(key(schema, d.hash(), d.range()))
                        .conditionExpression(d.guarded() ? "attribute_exists(c)" : null)
                        .returnValues("ALL_OLD"));
                yield render(response.attributes());
            }
            case Get g ->
                render(client.getItem(b -> b.tableName(table)
                                .key(key(schema, g.hash(), g.range()))
                                .consistentRead(true))
                        .item());
            case Query q -> {
                var values = new HashMap<String, AttributeValue>();
                values.put(":h", value(schema.hashType(), q.hash()));
                if (q.filtered()) {
                    values.put(":zero", AttributeValue.fromN("0"));
                }
                var response = client.query(b -> b.tableName(table)
                        .keyConditionExpression("pk = :h")
                        .filterExpression(q.filtered() ? "a > :zero" : null)
                        .expressionAttributeValues(values)
                        .scanIndexForward(q.forward())
                        .limit(q.limit() == 0 ? null : q.limit())
                        .consistentRead(true));
                yield response.items().stream().map(RandomOperationsIT::render).toList() + " count="
                        + response.count() + " scanned=" + response.scannedCount() + " last="
                        + render(response.lastEvaluatedKey());
            }
            case Scan s -> {
                // Scan order is the store's own (a hash order in DynamoDB), so only the set of items is compared.
                var response = client.scan(b -> b.tableName(table)
                        .filterExpression(s.filtered() ? "attribute_exists(c) OR b = :b1" : null)
                        .expressionAttributeValues(s.filtered() ? Map.of(":b1", AttributeValue.fromS("b1")) : null)
                        .consistentRead(true));
                yield response.items().stream()
                                .map(RandomOperationsIT::render)
                                .sorted()
                                .toList() + " count=" + response.count() + " scanned=" + response.scannedCount();
            }
        };
    }

    private static Map<String, AttributeValue> key(Schema schema, int hash, int range) {
        var key = new HashMap<String, AttributeValue>();
        key.put("pk", value(schema.hashType(), hash));
        if (schema.rangeType() != null) {
            key.put("sk", value(schema.rangeType(), range));
        }
        return key;
    }

    private static AttributeValue value(ScalarAttributeType type, int i) {
        return type == ScalarAttributeType.S
                ? AttributeValue.fromS("k" + i)
                : AttributeValue.fromN(Integer.toString(i));
    }

    /** An item with its attributes in name order, so that equal items render equally. */
    private static String render(Map<String, AttributeValue> item) {
        return new TreeMap<>(item).toString();
    }

    /** Skips the property where dynalite is not installed, outside CI (as the other conformance tests do). */
    static final class ReferenceInstalled implements SkipExecutionHook {
        @Override
        public SkipResult shouldBeSkipped(LifecycleContext context) {
            Optional<String> reason = Dynalite.skipReason();
            return reason.map(SkipResult::skip).orElse(SkipResult.doNotSkip());
        }
    }
}
