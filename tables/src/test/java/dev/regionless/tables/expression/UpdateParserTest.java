package dev.regionless.tables.expression;

import static dev.regionless.tables.TestValues.l;
import static dev.regionless.tables.TestValues.n;
import static dev.regionless.tables.TestValues.s;
import static dev.regionless.tables.TestValues.ss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpdateParserTest {
    private static Update parse(String expression) {
        var attributes = ExpressionAttributes.of(
                Map.of("#c", "c", "#d", "[3]"),
                Map.of(":n", n("1"), ":s", s("a"), ":ss", ss("a"), ":l", l(s("x")), ":b", s("b")));
        return UpdateParser.parse(expression, attributes);
    }

    @Test
    void parsesEveryClauseInAnyOrder() {
        var update = parse("REMOVE x SET a = :n ADD b :n DELETE c :ss");

        assertThat(update.actions())
                .containsExactly(
                        new UpdateAction.Remove(DocumentPath.of("x")),
                        new UpdateAction.Set(
                                DocumentPath.of("a"), new SetValue.Single(new UpdateOperand.Value(n("1")))),
                        new UpdateAction.Add(DocumentPath.of("b"), n("1")),
                        new UpdateAction.Delete(DocumentPath.of("c"), ss("a")));
    }

    @Test
    void parsesArithmeticAndNestedFunctions() {
        var update = parse("SET a = a + :n, b = list_append(if_not_exists(b, :l), :l)");

        var b = (UpdateAction.Set) update.actions().get(1);
        assertThat(update.actions().getFirst())
                .isEqualTo(new UpdateAction.Set(
                        DocumentPath.of("a"),
                        new SetValue.Plus(
                                new UpdateOperand.Path(DocumentPath.of("a")), new UpdateOperand.Value(n("1")))));
        assertThat(b.value())
                .isEqualTo(new SetValue.Single(new UpdateOperand.ListAppend(
                        new UpdateOperand.IfNotExists(DocumentPath.of("b"), new UpdateOperand.Value(l(s("x")))),
                        new UpdateOperand.Value(l(s("x"))))));
    }

    @Test
    void clauseKeywordsAreCaseInsensitive() {
        var update = parse("set a = :n remove b");

        assertThat(update.actions()).hasSize(2);
    }

    @Test
    void sectionUsedTwiceIsRejected() {
        assertThatThrownBy(() -> parse("SET a = :n SET b = :n"))
                .hasMessage(
                        "Invalid UpdateExpression: The \"SET\" section can only be used once in an update expression;");
    }

    @Test
    void overlappingPathsAreRejectedNamingBoth() {
        assertThatThrownBy(() -> parse("SET #c[3].#d = :n, #c[3] = :n"))
                .hasMessage("Invalid UpdateExpression: Two document paths overlap with each other; must remove or "
                        + "rewrite one of these paths; path one: [c, [3], [3]], path two: [c, [3]]");
    }

    @Test
    void sameAttributeInTwoClausesOverlaps() {
        assertThatThrownBy(() -> parse("SET a = :n REMOVE a"))
                .hasMessageContaining("Two document paths overlap with each other");
    }

    @Test
    void conflictingPathsAreRejected() {
        assertThatThrownBy(() -> parse("REMOVE a.#c SET a[1] = :n"))
                .hasMessage("Invalid UpdateExpression: Two document paths conflict with each other; must remove or "
                        + "rewrite one of these paths; path one: [a, c], path two: [a, [1]]");
    }

    @Test
    void missingValueIsASyntaxError() {
        assertThatThrownBy(() -> parse("SET a"))
                .hasMessage("Invalid UpdateExpression: Syntax error; token: \"<EOF>\", near: \"a\"");
    }

    @Test
    void threeTermArithmeticIsASyntaxError() {
        assertThatThrownBy(() -> parse("SET a = b + c + d"))
                .hasMessageStartingWith("Invalid UpdateExpression: Syntax error; token: \"+\"");
    }

    @Test
    void trailingCommaIsASyntaxError() {
        assertThatThrownBy(() -> parse("SET a = :n,"))
                .hasMessage("Invalid UpdateExpression: Syntax error; token: \"<EOF>\", near: \",\"");
    }

    @Test
    void unknownClauseIsASyntaxError() {
        assertThatThrownBy(() -> parse("whatever")).hasMessageStartingWith("Invalid UpdateExpression: Syntax error;");
    }

    @Test
    void reservedWordAsABareNameIsRejected() {
        assertThatThrownBy(() -> parse("REMOVE Absolute"))
                .hasMessage(
                        "Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: Absolute");
    }

    @Test
    void unknownFunctionIsRejected() {
        assertThatThrownBy(() -> parse("SET a = if_not_exist(a, :n)"))
                .hasMessage("Invalid UpdateExpression: Invalid function name; function: if_not_exist");
    }

    @Test
    void conditionFunctionIsNotAllowedInAnUpdate() {
        assertThatThrownBy(() -> parse("SET a = size(b)"))
                .hasMessage("Invalid UpdateExpression: The function is not allowed in an update expression; "
                        + "function: size");
    }

    @Test
    void ifNotExistsNeedsAPathFirst() {
        assertThatThrownBy(() -> parse("SET a = if_not_exists(:n, b)"))
                .hasMessage("Invalid UpdateExpression: Operator or function requires a document path; "
                        + "operator or function: if_not_exists");
    }

    @Test
    void functionWithOneOperandIsRejected() {
        assertThatThrownBy(() -> parse("SET a = list_append(b)"))
                .hasMessage("Invalid UpdateExpression: Incorrect number of operands for operator or function; "
                        + "operator or function: list_append, number of operands: 1");
    }

    @Test
    void addingAStringValueIsRejectedAtParseTime() {
        assertThatThrownBy(() -> parse("ADD a :s"))
                .hasMessage("Invalid UpdateExpression: Incorrect operand type for operator or function; "
                        + "operator: ADD, operand type: STRING");
    }

    @Test
    void deletingANumberValueIsRejectedAtParseTime() {
        assertThatThrownBy(() -> parse("DELETE a :n"))
                .hasMessage("Invalid UpdateExpression: Incorrect operand type for operator or function; "
                        + "operator: DELETE, operand type: NUMBER");
    }

    @Test
    void arithmeticOnAStringValueIsRejectedAtParseTime() {
        assertThatThrownBy(() -> parse("SET a = a + :s"))
                .hasMessage("Invalid UpdateExpression: Incorrect operand type for operator or function; "
                        + "operator or function: +, operand type: S");
    }

    @Test
    void listAppendOfANonListValueIsRejectedAtParseTime() {
        assertThatThrownBy(() -> parse("SET a = list_append(:s, a)"))
                .hasMessage("Invalid UpdateExpression: Incorrect operand type for operator or function; "
                        + "operator or function: list_append, operand type: S");
    }

    @Test
    void namePlaceholderMayStandForAnyText() {
        var update = parse("REMOVE #d");

        assertThat(update.actions())
                .containsExactly(new UpdateAction.Remove(new DocumentPath(List.of(new PathElement.Name("[3]")))));
    }
}
