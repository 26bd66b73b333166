package dev.regionless.tables.partiql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.common.AwsException;
import dev.regionless.common.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementParserTest {

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Statement parse(String statement, String... parameters) {
        return StatementParser.parse(
                statement,
                java.util.Arrays.stream(parameters)
                        .map(StatementParserTest::json)
                        .toList());
    }

    private static Predicate where(String statement, String... parameters) {
        return ((Statement.Select) parse(statement, parameters)).where();
    }

    private static JsonNode value(Predicate comparison) {
        return ((Operand.Value) ((Predicate.Comparison) comparison).right()).value();
    }

    private static String errorOf(String statement, String... parameters) {
        var error = org.assertj.core.api.Assertions.catchThrowableOfType(
                AwsException.class, () -> parse(statement, parameters));
        assertThat(error.code()).isEqualTo("ValidationException");
        return error.getMessage();
    }

    @Test
    void selectStarReadsTheWholeItemOfTheQuotedTable() {
        var select = (Statement.Select) parse("SELECT * FROM \"Music\"");

        assertThat(select.table()).isEqualTo("Music");
        assertThat(select.index()).isNull();
        assertThat(select.projection()).isEmpty();
        assertThat(select.where()).isNull();
    }

    @Test
    void selectFromTableDotIndexReadsTheIndex() {
        var select = (Statement.Select) parse("SELECT * FROM \"Music\".\"ByYear\"");

        assertThat(select.table()).isEqualTo("Music");
        assertThat(select.index()).isEqualTo("ByYear");
    }

    @Test
    void projectionListsNestedPathsWithListIndexes() {
        var select = (Statement.Select) parse("SELECT a, b.c[0], \"d\"['e'] FROM t");

        assertThat(select.projection())
                .containsExactly(
                        AttributePath.of("a"),
                        new AttributePath(List.of(
                                new AttributePath.Name("b"), new AttributePath.Name("c"), new AttributePath.Index(0))),
                        new AttributePath(List.of(new AttributePath.Name("d"), new AttributePath.Name("e"))));
    }

    @Test
    void parametersAreBoundInTheOrderOfTheirQuestionMarks() {
        var where =
                WhereClause.conjuncts(where("SELECT * FROM t WHERE a = ? AND b = ?", "{\"S\":\"x\"}", "{\"N\":\"2\"}"));

        assertThat(value(where.get(0))).isEqualTo(json("{\"S\":\"x\"}"));
        assertThat(value(where.get(1))).isEqualTo(json("{\"N\":\"2\"}"));
    }

    @Test
    void aQuestionMarkInsideAStringIsText() {
        var where = where("SELECT * FROM t WHERE a = 'why?'");

        assertThat(value(where)).isEqualTo(json("{\"S\":\"why?\"}"));
    }

    @Test
    void aDoubledSingleQuoteStandsForOneQuote() {
        var where = where("SELECT * FROM t WHERE a = 'it''s'");

        assertThat(value(where)).isEqualTo(json("{\"S\":\"it's\"}"));
    }

    @Test
    void literalsOfEachTypeBecomeTheirDynamoDbType() {
        var insert = (Statement.Insert)
                parse("INSERT INTO t VALUE {'pk': 'k', 'n': -1.5, 'yes': true, 'no': null, 'l': [1, 'a'],"
                        + " 'm': {'x': false}, 'ss': <<'a', 'b'>>, 'ns': <<1, 2>>}");

        assertThat(insert.item())
                .isEqualTo(json("{\"M\":{\"pk\":{\"S\":\"k\"},\"n\":{\"N\":\"-1.5\"},\"yes\":{\"BOOL\":true},"
                        + "\"no\":{\"NULL\":true},\"l\":{\"L\":[{\"N\":\"1\"},{\"S\":\"a\"}]},"
                        + "\"m\":{\"M\":{\"x\":{\"BOOL\":false}}},\"ss\":{\"SS\":[\"a\",\"b\"]},"
                        + "\"ns\":{\"NS\":[\"1\",\"2\"]}}}"));
    }

    @Test
    void aSetOfStringsAndNumbersIsRefused() {
        assertThat(errorOf("INSERT INTO t VALUE {'pk': 'k', 's': <<'a', 1>>}"))
                .isEqualTo("Unsupported data type in Bag. DynamoDB only supports either numbers or strings in bags");
    }

    @Test
    void anEmptySetIsRefused() {
        assertThat(errorOf("INSERT INTO t VALUE {'pk': 'k', 's': <<>>}")).isEqualTo("Empty bags are not supported");
    }

    @Test
    void andBindsTighterThanOr() {
        var where = where("SELECT * FROM t WHERE a = 1 OR b = 2 AND c = 3");

        assertThat(where).isInstanceOf(Predicate.Or.class);
        assertThat(((Predicate.Or) where).right()).isInstanceOf(Predicate.And.class);
    }

    @Test
    void notBetweenIsTheNegationOfBetween() {
        var where = where("SELECT * FROM t WHERE a NOT BETWEEN 1 AND 5");

        assertThat(where).isInstanceOf(Predicate.Not.class);
        assertThat(((Predicate.Not) where).operand()).isInstanceOf(Predicate.Between.class);
    }

    @Test
    void inTakesABracketedListOfValues() {
        var where = (Predicate.In) where("SELECT * FROM t WHERE pk IN ['a', ?]", "{\"S\":\"b\"}");

        assertThat(where.candidates()).hasSize(2);
    }

    @Test
    void isMissingAndIsNotMissingTestWhetherAnAttributeExists() {
        var terms = WhereClause.conjuncts(where("SELECT * FROM t WHERE a IS MISSING AND b IS NOT MISSING"));

        assertThat(terms)
                .containsExactly(
                        new Predicate.Is(AttributePath.of("a"), true, false),
                        new Predicate.Is(AttributePath.of("b"), true, true));
    }

    @Test
    void functionNamesAreReadInAnyCase() {
        var where = (Predicate.Function) where("SELECT * FROM t WHERE BEGINS_WITH(a, 'x')");

        assertThat(where.name()).isEqualTo("begins_with");
    }

    @Test
    void anUnknownFunctionIsRefused() {
        assertThat(errorOf("SELECT * FROM t WHERE frobnicate(a)")).isEqualTo("Unrecognized function: frobnicate");
    }

    @Test
    void aStatementThatIsNoDataManipulationIsNotWellFormed() {
        assertThat(errorOf("CREATE TABLE t"))
                .isEqualTo("Statement wasn't well formed, can't be processed: Expected data manipulation");
    }

    @Test
    void tooFewParametersFail() {
        assertThat(errorOf("SELECT * FROM t WHERE a = ? AND b = ?", "{\"S\":\"x\"}"))
                .isEqualTo("Number of parameters in request and statement don't match.");
    }

    @Test
    void tooManyParametersFail() {
        assertThat(errorOf("SELECT * FROM t WHERE a = ?", "{\"S\":\"x\"}", "{\"S\":\"y\"}"))
                .isEqualTo("Number of parameters in request and statement don't match.");
    }

    @Test
    void twoStatementsInOneTextAreNotWellFormed() {
        assertThat(errorOf("SELECT * FROM t; SELECT * FROM u"))
                .startsWith("Statement wasn't well formed, can't be processed: Unexpected");
    }

    @Test
    void commentsAndATrailingSemicolonAreAllowed() {
        var select = (Statement.Select) parse("-- all of it\nSELECT /* every */ * FROM t;");

        assertThat(select.table()).isEqualTo("t");
    }

    @Test
    void keywordsAreReadInAnyCase() {
        var select = (Statement.Select) parse("select * from t where a = 1 order by a desc");

        assertThat(select.orderBy()).containsExactly(new Statement.Ordering("a", true));
    }

    @Test
    void orderByListsKeyAttributesEachWithItsDirection() {
        var select = (Statement.Select) parse("SELECT * FROM t WHERE pk IN [1, 2] ORDER BY pk ASC, sk DESC");

        assertThat(select.orderBy())
                .containsExactly(new Statement.Ordering("pk", false), new Statement.Ordering("sk", true));
    }

    @Test
    void parenthesesNestedBeyondTheLimitAreRefusedRatherThanExhaustingTheStack() {
        var nested = "(".repeat(4000) + "a = 1" + ")".repeat(4000);

        assertThat(errorOf("SELECT * FROM t WHERE " + nested))
                .startsWith("Statement wasn't well formed, can't be processed: Nested more than 64 levels deep");
    }

    @Test
    void listsNestedBeyondTheLimitAreRefused() {
        var nested = "[".repeat(3000) + "]".repeat(3000);

        assertThat(errorOf("INSERT INTO t VALUE {'pk': 'k', 'l': " + nested + "}"))
                .startsWith("Statement wasn't well formed, can't be processed: Nested more than 64 levels deep");
    }

    @Test
    void anUnterminatedStringIsNotWellFormed() {
        assertThat(errorOf("SELECT * FROM t WHERE a = 'open"))
                .isEqualTo("Statement wasn't well formed, can't be processed: Unterminated string at position 26");
    }

    @Test
    void insertTakesOneMapAsItsItem() {
        var insert = (Statement.Insert) parse("INSERT INTO \"t\" VALUE ?", "{\"M\":{\"pk\":{\"S\":\"k\"}}}");

        assertThat(insert.item()).isEqualTo(json("{\"M\":{\"pk\":{\"S\":\"k\"}}}"));
    }

    @Test
    void insertOfSomethingOtherThanAMapIsRefused() {
        assertThat(errorOf("INSERT INTO t VALUE 'k'")).startsWith("Unsupported format in item expression");
    }

    @Test
    void insertWithReturningIsRefused() {
        assertThat(errorOf("INSERT INTO t VALUE {'pk': 'k'} RETURNING ALL OLD *"))
                .isEqualTo("RETURNING is not supported in INSERT");
    }

    @Test
    void updateCollectsSetAndRemoveClausesInOrder() {
        var update = (Statement.Update) parse("UPDATE t SET a = 1, b = b + 2 REMOVE c SET d = list_append(d, [1]) "
                + "WHERE pk = 'k' RETURNING MODIFIED NEW *");

        assertThat(update.clauses()).hasSize(4);
        assertThat(update.clauses().get(1)).isInstanceOf(Statement.UpdateClause.Set.class);
        assertThat(((Statement.UpdateClause.Set) update.clauses().get(1)).value())
                .isInstanceOf(Operand.Arithmetic.class);
        assertThat(update.clauses().get(2)).isInstanceOf(Statement.UpdateClause.Remove.class);
        assertThat(update.returnValues()).isEqualTo("UPDATED_NEW");
    }

    @Test
    void updateWithoutWhereNamesNoKey() {
        assertThat(errorOf("UPDATE t SET a = 1"))
                .isEqualTo("Where clause does not contain a mandatory equality on all key attributes");
    }

    @Test
    void deleteReturnsOnlyTheOldItem() {
        var delete = (Statement.Delete) parse("DELETE FROM t WHERE pk = 'k' RETURNING ALL OLD *");

        assertThat(delete.returnValues()).isEqualTo("ALL_OLD");
    }

    @Test
    void deleteReturningTheNewItemIsRefused() {
        assertThat(errorOf("DELETE FROM t WHERE pk = 'k' RETURNING ALL NEW *"))
                .isEqualTo("Invalid returning clause: RETURNING ALL NEW *. Only RETURNING ALL OLD * is allowed in "
                        + "DELETE statements.");
    }

    @Test
    void existsWrapsASelect() {
        var exists = (Statement.Exists) parse("EXISTS(SELECT * FROM t WHERE pk = 'k' AND v > 1)");

        assertThat(exists.table()).isEqualTo("t");
    }
}
