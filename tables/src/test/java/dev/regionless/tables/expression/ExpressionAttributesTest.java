package dev.regionless.tables.expression;

import static dev.regionless.tables.TestValues.s;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressionAttributesTest {
    @Test
    void unusedNamesAreRejectedListingThem() {
        var attributes = ExpressionAttributes.of(Map.of("#a", "a", "#b", "b", "#c", "c"), Map.of());
        ConditionParser.parse("attribute_exists(#b)", ExpressionKind.CONDITION, attributes);

        assertThatThrownBy(attributes::requireAllUsed)
                .hasMessage("Value provided in ExpressionAttributeNames unused in expressions: keys: {#a, #c}");
    }

    @Test
    void unusedValuesAreRejectedListingThem() {
        var attributes = ExpressionAttributes.of(Map.of(), Map.of(":a", s("a"), ":x", s("x")));
        ConditionParser.parse("a = :a", ExpressionKind.CONDITION, attributes);

        assertThatThrownBy(attributes::requireAllUsed)
                .hasMessage("Value provided in ExpressionAttributeValues unused in expressions: keys: {:x}");
    }

    @Test
    void placeholdersUsedByAnyExpressionOfTheRequestCount() {
        var attributes = ExpressionAttributes.of(Map.of("#a", "a"), Map.of(":v", s("v")));
        UpdateParser.parse("REMOVE #a", attributes);
        ConditionParser.parse("b = :v", ExpressionKind.CONDITION, attributes);

        assertThatCode(attributes::requireAllUsed).doesNotThrowAnyException();
    }

    @Test
    void nameKeyThatIsNotAPlaceholderIsRejected() {
        assertThatThrownBy(() -> ExpressionAttributes.of(Map.of("a", "a"), Map.of()))
                .hasMessage("ExpressionAttributeNames contains invalid key: Syntax error; key: \"a\"");
    }

    @Test
    void valueKeyThatIsNotAPlaceholderIsRejected() {
        assertThatThrownBy(() -> ExpressionAttributes.of(Map.of(), Map.of("b", s("a"))))
                .hasMessage("ExpressionAttributeValues contains invalid key: Syntax error; key: \"b\"");
    }
}
