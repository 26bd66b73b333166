package dev.regionless.tables.partiql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionless.common.AwsException;
import dev.regionless.common.Json;
import dev.regionless.tables.catalog.BillingMode;
import dev.regionless.tables.catalog.IndexDefinition;
import dev.regionless.tables.catalog.KeyElement;
import dev.regionless.tables.catalog.KeySchema;
import dev.regionless.tables.catalog.ScalarAttributeType;
import dev.regionless.tables.catalog.StreamSpecification;
import dev.regionless.tables.catalog.TableDefinition;
import dev.regionless.tables.catalog.Throughput;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatementPlanTest {
    private static final TableDefinition MUSIC = new TableDefinition(
            "Music",
            new KeySchema(new KeyElement("pk", ScalarAttributeType.S), new KeyElement("sk", ScalarAttributeType.N)),
            Map.of("pk", ScalarAttributeType.S, "sk", ScalarAttributeType.N, "year", ScalarAttributeType.N),
            BillingMode.PAY_PER_REQUEST,
            Throughput.ON_DEMAND,
            List.of(new IndexDefinition(
                    "ByYear",
                    true,
                    new KeySchema(new KeyElement("year", ScalarAttributeType.N), null),
                    new IndexDefinition.IndexProjection(IndexDefinition.ProjectionType.ALL, List.of()),
                    Throughput.ON_DEMAND,
                    1)),
            StreamSpecification.DISABLED,
            false);

    private static StatementPlan plan(String statement) {
        return StatementPlan.of(
                statement, List.of(), name -> name.equals("Music") ? Optional.of(MUSIC) : Optional.empty());
    }

    private static ReadPlan read(String statement) {
        return (ReadPlan) plan(statement);
    }

    private static WritePlan write(String statement) {
        return (WritePlan) plan(statement);
    }

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String validationError(String statement) {
        var error = catchThrowableOfType(AwsException.class, () -> plan(statement));
        assertThat(error.code()).isEqualTo("ValidationException");
        return error.getMessage();
    }

    @Test
    void anEqualityOnThePartitionKeyBecomesAQuery() {
        var plan = read("SELECT * FROM Music WHERE pk = 'a'");

        assertThat(plan.operation()).isEqualTo("Query");
        assertThat(plan.requests().getFirst())
                .isEqualTo(json("{\"TableName\":\"Music\",\"KeyConditionExpression\":\"#n0 = :v0\","
                        + "\"ExpressionAttributeNames\":{\"#n0\":\"pk\"},"
                        + "\"ExpressionAttributeValues\":{\":v0\":{\"S\":\"a\"}}}"));
    }

    @Test
    void anInOnThePartitionKeyBecomesOneQueryPerValue() {
        var plan = read("SELECT * FROM Music WHERE pk IN ['a', 'b', 'c']");

        assertThat(plan.requests())
                .extracting(r ->
                        r.get("ExpressionAttributeValues").get(":v0").get("S").asText())
                .containsExactly("a", "b", "c");
    }

    @Test
    void aWhereWithoutThePartitionKeyBecomesAFilteredScan() {
        var plan = read("SELECT * FROM Music WHERE sk > 1");

        assertThat(plan.operation()).isEqualTo("Scan");
        assertThat(plan.requests().getFirst().get("FilterExpression").asText()).isEqualTo("#n0 > :v0");
    }

    @Test
    void aPartitionKeyUnderOrIsNoQuery() {
        assertThat(read("SELECT * FROM Music WHERE pk = 'a' OR pk = 'b'").operation())
                .isEqualTo("Scan");
    }

    @Test
    void aSortKeyConditionJoinsTheKeyConditionAndTheRestFilters() {
        var request = read("SELECT * FROM Music WHERE pk = 'a' AND 5 < sk AND v = 1")
                .requests()
                .getFirst();

        assertThat(request.get("KeyConditionExpression").asText()).isEqualTo("#n0 = :v0 AND #n1 > :v1");
        assertThat(request.get("FilterExpression").asText()).isEqualTo("#n2 = :v2");
    }

    @Test
    void aReadOfAnIndexIsKeyedByTheIndexKey() {
        var request = read("SELECT * FROM Music.ByYear WHERE \"year\" = 1999")
                .requests()
                .getFirst();

        assertThat(request.get("IndexName").asText()).isEqualTo("ByYear");
        assertThat(request.get("ExpressionAttributeNames").get("#n0").asText()).isEqualTo("year");
    }

    @Test
    void anUnknownIndexIsRefused() {
        assertThat(validationError("SELECT * FROM Music.Nope"))
                .isEqualTo("The table does not have the specified index: Nope");
    }

    @Test
    void orderByDescendingReadsTheSortKeyBackwards() {
        var request = read("SELECT * FROM Music WHERE pk = 'a' ORDER BY sk DESC")
                .requests()
                .getFirst();

        assertThat(request.get("ScanIndexForward").asBoolean()).isFalse();
    }

    @Test
    void orderByThePartitionKeyReadsTheInValuesInKeyOrder() {
        var plan = read("SELECT * FROM Music WHERE pk IN ['b', 'c', 'a'] ORDER BY pk DESC");

        assertThat(plan.requests())
                .extracting(r ->
                        r.get("ExpressionAttributeValues").get(":v0").get("S").asText())
                .containsExactly("c", "b", "a");
    }

    @Test
    void orderByTheSortKeyAloneIsRefusedForSeveralPartitions() {
        assertThat(validationError("SELECT * FROM Music WHERE pk IN ['a', 'b'] ORDER BY sk"))
                .isEqualTo("Must have hash key in ORDER BY clause when more than one hash key condition specified in"
                        + " WHERE clause.");
    }

    @Test
    void orderByAnAttributeOutsideTheKeyIsRefused() {
        assertThat(validationError("SELECT * FROM Music WHERE pk = 'a' ORDER BY v"))
                .isEqualTo("Variable reference v in ORDER BY clause must be part of the primary key");
    }

    @Test
    void orderByWithoutAPartitionKeyConditionIsRefused() {
        assertThat(validationError("SELECT * FROM Music WHERE sk = 1 ORDER BY sk"))
                .startsWith("Must have at least one non-optional hash key condition");
    }

    @Test
    void theFullKeyIsKnownWhenEqualitiesNameIt() {
        var plan = read("SELECT * FROM Music WHERE pk = 'a' AND sk = 1");

        assertThat(plan.fullKey()).contains((ObjectNode) json("{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"}}"));
        assertThat(plan.keyOnly()).isTrue();
    }

    @Test
    void aProjectedNestedPathIsNamedByItsLastMember() {
        var plan = read("SELECT a.b FROM Music");

        var shaped = plan.shape((ObjectNode) json("{\"a\":{\"M\":{\"b\":{\"N\":\"1\"},\"c\":{\"N\":\"2\"}}}}"));

        assertThat(shaped).isEqualTo(json("{\"b\":{\"N\":\"1\"}}"));
    }

    @Test
    void anInsertIsAPutThatRequiresTheItemToBeAbsent() {
        var plan = write("INSERT INTO Music VALUE {'pk': 'a', 'sk': 1}");

        assertThat(plan.action()).isEqualTo("Put");
        assertThat(plan.insert()).isTrue();
        assertThat(plan.request().get("ConditionExpression").asText()).isEqualTo("attribute_not_exists(#n0)");
    }

    @Test
    void anUpdateRequiresTheItemToExistAndKeepsItsExtraCondition() {
        var request = write("UPDATE Music SET v = v + 1 WHERE pk = 'a' AND sk = 1 AND v < 10")
                .request();

        assertThat(request.get("Key")).isEqualTo(json("{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"}}"));
        assertThat(request.get("UpdateExpression").asText()).isEqualTo("SET #n0 = #n0 + :v0");
        assertThat(request.get("ConditionExpression").asText()).isEqualTo("attribute_exists(#n1) AND (#n0 < :v1)");
    }

    @Test
    void setAddAndSetDeleteBecomeAddAndDeleteActions() {
        var request = write("UPDATE Music SET s = set_add(s, <<'x'>>) SET t = set_delete(t, <<1>>) REMOVE r "
                        + "WHERE pk = 'a' AND sk = 1")
                .request();

        assertThat(request.get("UpdateExpression").asText()).isEqualTo("ADD #n0 :v0 DELETE #n1 :v1 REMOVE #n2");
    }

    @Test
    void anUpdateWithoutTheSortKeyIsRefused() {
        assertThat(validationError("UPDATE Music SET v = 1 WHERE pk = 'a'"))
                .isEqualTo("Where clause does not contain a mandatory equality on all key attributes");
    }

    @Test
    void aDeleteKeepsItsExtraConditionOnly() {
        var request = write("DELETE FROM Music WHERE pk = 'a' AND sk = 1 AND v IS NOT MISSING")
                .request();

        assertThat(request.get("ConditionExpression").asText()).isEqualTo("attribute_exists(#n0)");
        assertThat(request.get("ExpressionAttributeNames").get("#n0").asText()).isEqualTo("v");
    }

    @Test
    void aStatementOnAnUnknownTableIsResourceNotFound() {
        var error = catchThrowableOfType(AwsException.class, () -> plan("SELECT * FROM Nope"));

        assertThat(error.code()).isEqualTo("ResourceNotFoundException");
    }
}
