package dev.regionless.tables.expression;

import static dev.regionless.tables.TestValues.item;
import static dev.regionless.tables.TestValues.l;
import static dev.regionless.tables.TestValues.n;
import static dev.regionless.tables.TestValues.s;
import static dev.regionless.tables.TestValues.ss;
import static org.assertj.core.api.Assertions.assertThat;

import dev.regionless.common.AwsException;
import dev.regionless.tables.AttributeValue;
import dev.regionless.tables.Item;
import java.math.BigDecimal;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ExpressionPropertiesTest {
    private static final Map<String, String> NAMES = Map.of("#a", "a", "#b", "b");
    private static final Map<String, AttributeValue> VALUES =
            Map.of(":v", n("1"), ":s", s("x"), ":l", l(s("y")), ":ss", ss("z"));
    private static final Item ITEM = item("a", n("1"), "b", l(s("x")), "c", ss("z"));

    @Property(tries = 300)
    void numericComparisonsFollowBigDecimalOrder(
            @ForAll("decimals") BigDecimal stored, @ForAll("decimals") BigDecimal given) {
        var attributes = ExpressionAttributes.of(Map.of(), Map.of(":v", new AttributeValue.N(given)));
        var condition = ConditionParser.parse("a < :v", ExpressionKind.CONDITION, attributes);

        boolean matches = ConditionEvaluator.matches(condition, item("a", new AttributeValue.N(stored)));

        assertThat(matches).isEqualTo(stored.compareTo(given) < 0);
    }

    @Property(tries = 1000)
    void anyTextParsesOrFailsWithAValidationException(@ForAll("expressions") String expression) {
        var attributes = ExpressionAttributes.of(NAMES, VALUES);

        var outcomes = new Runnable[] {
            () -> ConditionEvaluator.matches(
                    ConditionParser.parse(expression, ExpressionKind.CONDITION, attributes), ITEM),
            () -> UpdateApplier.apply(UpdateParser.parse(expression, attributes), ITEM),
            () -> Projection.parse(expression, attributes).apply(ITEM),
            () -> KeyConditionParser.parse(expression, attributes, "a", "b"),
        };

        for (var outcome : outcomes) {
            try {
                outcome.run();
            } catch (AwsException e) {
                assertThat(e.code()).isEqualTo("ValidationException");
            }
        }
    }

    @Provide
    Arbitrary<BigDecimal> decimals() {
        return Arbitraries.bigDecimals()
                .between(new BigDecimal("-1e9"), new BigDecimal("1e9"))
                .ofScale(3);
    }

    @Provide
    Arbitrary<String> expressions() {
        var words = Arbitraries.of(
                "a",
                "b",
                "c",
                "#a",
                "#b",
                "#x",
                ":v",
                ":s",
                ":l",
                ":ss",
                ":zz",
                "SET",
                "REMOVE",
                "ADD",
                "DELETE",
                "AND",
                "OR",
                "NOT",
                "BETWEEN",
                "IN",
                "=",
                "<>",
                "<",
                ">=",
                "(",
                ")",
                "[",
                "]",
                "0",
                "7",
                ",",
                ".",
                "+",
                "-",
                "size",
                "contains",
                "begins_with",
                "attribute_exists",
                "if_not_exists",
                "list_append",
                "status",
                "*",
                "");
        return words.list().ofMaxSize(10).map(parts -> String.join(" ", parts));
    }
}
