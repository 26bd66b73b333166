package dev.regionless.template.internal.intrinsic;

import dev.regionless.template.TemplateException;
import dev.regionless.template.internal.node.Location;
import dev.regionless.template.internal.node.Mapping;
import dev.regionless.template.internal.node.Node;
import dev.regionless.template.internal.node.Scalar;
import dev.regionless.template.internal.node.ScalarKind;
import dev.regionless.template.internal.node.Sequence;
import dev.regionless.template.internal.node.Values;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The template's {@code Parameters} with their values for this deployment: the override when there is one, else the
 * {@code Default}; each value checked against the parameter's type and constraints.
 */
public final class Parameters {

    /**
     * The types a value is checked against. {@code AWS::Route53::HostedZone::Id}, an AWS-specific type that
     * CloudFormation checks against the account's zones, is a plain string here: Regionless has no such account.
     */
    static final List<String> TYPES =
            List.of("String", "Number", "List<Number>", "CommaDelimitedList", "AWS::Route53::HostedZone::Id");

    private static final Set<String> KEYS = Set.of(
            "Type",
            "Default",
            "AllowedValues",
            "AllowedPattern",
            "MinLength",
            "MaxLength",
            "MinValue",
            "MaxValue",
            "Description",
            "ConstraintDescription",
            "NoEcho");
    private static final Pattern LOGICAL_ID = Pattern.compile("[A-Za-z0-9]+");

    private final Map<String, Node> values;

    private Parameters(Map<String, Node> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * Reads the {@code Parameters} section, if any, with {@code overrides} taking precedence over defaults.
     *
     * @param sectionOwner the location of the template, for overrides that match no parameter
     */
    public static Parameters read(Optional<Node> section, Map<String, String> overrides, Location sectionOwner) {
        var declarations = section.filter(node -> !(node instanceof Scalar s && s.isNull()))
                .map(Values::mapping)
                .orElse(Mapping.empty(sectionOwner.child("Parameters")));
        var values = new LinkedHashMap<String, Node>();
        declarations.entries().forEach((name, declaration) -> {
            if (!LOGICAL_ID.matcher(name).matches()) {
                throw declaration.location().error("parameter name " + name + " (expected: letters and digits only)");
            }
            values.put(name, value(Values.mapping(declaration), Optional.ofNullable(overrides.get(name))));
        });
        for (var name : overrides.keySet()) {
            if (!values.containsKey(name)) {
                throw declarations
                        .location()
                        .error("the override for " + name
                                + " matches no parameter (expected: one of "
                                + String.join(", ", new TreeSet<>(values.keySet()))
                                + ")");
            }
        }
        return new Parameters(values);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public Set<String> names() {
        return values.keySet();
    }

    /** The value of {@code !Ref name}, placed at {@code usedAt}: a string, a number, or a list of them. */
    public Node value(String name, Location usedAt) {
        return Node.relocated(values.get(name), usedAt);
    }

    private static Node value(Mapping declaration, Optional<String> override) {
        for (var key : declaration.entries().keySet()) {
            if (!KEYS.contains(key)) {
                throw declaration
                        .location()
                        .child(key)
                        .error("is not a parameter property (expected: one of " + String.join(", ", new TreeSet<>(KEYS))
                                + ")");
            }
        }
        var typeNode = declaration
                .get("Type")
                .orElseThrow(() -> declaration
                        .location()
                        .child("Type")
                        .error("is missing (expected: one of " + String.join(", ", TYPES) + ")"));
        var type = Values.string(typeNode);
        if (!TYPES.contains(type)) {
            throw typeNode.location()
                    .error(type + " is not supported (expected: one of " + String.join(", ", TYPES) + ")");
        }
        if (override.isPresent()) {
            return parse(type, override.get(), new Constraints(declaration, declaration.location(), "override "));
        }
        var defaultNode = declaration
                .get("Default")
                .orElseThrow(() -> declaration
                        .location()
                        .error("has no Default and no override (expected: a value in the parameter overrides)"));
        return parse(type, defaultText(defaultNode), new Constraints(declaration, defaultNode.location(), ""));
    }

    private static String defaultText(Node node) {
        if (node instanceof Sequence list) {
            return String.join(",", Values.strings(list));
        }
        return Values.string(node);
    }

    private static Node parse(String type, String text, Constraints constraints) {
        return switch (type) {
            case "Number" -> constraints.checkNumber(text);
            case "List<Number>" -> list(text, constraints.location(), constraints::checkNumber);
            case "CommaDelimitedList" -> list(text, constraints.location(), constraints::checkString);
            default -> constraints.checkString(text);
        };
    }

    private static Node list(String text, Location location, Function<String, Node> item) {
        var items = new ArrayList<Node>();
        if (!text.isEmpty()) {
            for (var part : text.split(",", -1)) {
                items.add(item.apply(part.trim()));
            }
        }
        return new Sequence(items, location);
    }

    private static Pattern pattern(Node node) {
        try {
            return Pattern.compile(Values.string(node));
        } catch (PatternSyntaxException e) {
            throw Values.unexpected(node, "a Java regular expression");
        }
    }

    private static BigDecimal decimal(Node node) {
        try {
            return new BigDecimal(Values.string(node).trim());
        } catch (NumberFormatException e) {
            throw Values.unexpected(node, "a number");
        }
    }

    /**
     * AllowedValues, AllowedPattern, Min/MaxLength and Min/MaxValue of one parameter.
     *
     * @param location where the value comes from: the Default, or the parameter itself for an override
     * @param prefix how the value is introduced in messages: "override " or nothing
     */
    private record Constraints(Mapping declaration, Location location, String prefix) {

        Scalar checkString(String value) {
            checkAllowed(value);
            var pattern = declaration.get("AllowedPattern").map(Parameters::pattern);
            if (pattern.isPresent() && !pattern.get().matcher(value).matches()) {
                throw fail(value, "matching " + pattern.get().pattern());
            }
            var min = declaration
                    .get("MinLength")
                    .map(n -> Values.integer(n, 0, Integer.MAX_VALUE))
                    .orElse(0);
            var max = declaration.get("MaxLength").map(n -> Values.integer(n, 0, Integer.MAX_VALUE));
            if (value.length() < min || max.filter(m -> value.length() > m).isPresent()) {
                throw fail(
                        value,
                        "a length of " + min + ".." + max.map(String::valueOf).orElse(""));
            }
            return Scalar.string(value, location);
        }

        Scalar checkNumber(String text) {
            BigDecimal value;
            try {
                value = new BigDecimal(text.trim());
            } catch (NumberFormatException e) {
                throw fail(text, "a number");
            }
            checkAllowed(text.trim());
            var min = declaration.get("MinValue").map(Parameters::decimal);
            var max = declaration.get("MaxValue").map(Parameters::decimal);
            if (min.filter(m -> value.compareTo(m) < 0).isPresent()
                    || max.filter(m -> value.compareTo(m) > 0).isPresent()) {
                throw fail(
                        text,
                        "a number in " + min.map(BigDecimal::toPlainString).orElse("") + ".."
                                + max.map(BigDecimal::toPlainString).orElse(""));
            }
            return new Scalar(text.trim(), ScalarKind.NUMBER, location);
        }

        private void checkAllowed(String value) {
            var allowed = declaration.get("AllowedValues").map(Values::strings);
            if (allowed.isPresent() && !allowed.get().contains(value)) {
                throw fail(value, "one of " + String.join(", ", allowed.get()));
            }
        }

        private TemplateException fail(String value, String expected) {
            return location.error(prefix + (value.isEmpty() ? "\"\"" : value) + " (expected: " + expected + ")");
        }
    }
}
