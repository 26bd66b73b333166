package dev.regionless.gateway.internal.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Evaluates an authorizer's IAM policy against the ARN of the method called: an explicit {@code Deny} wins, then an
 * {@code Allow}; a policy that mentions the ARN nowhere denies implicitly. Resources may use IAM's wildcards
 * ({@code *} for any run of characters, slashes included, {@code ?} for one).
 */
public final class PolicyEvaluation {

    /** The outcome for one ARN. */
    public enum Result {
        ALLOW,
        EXPLICIT_DENY,
        IMPLICIT_DENY
    }

    private PolicyEvaluation() {}

    /**
     * Evaluates {@code policyDocument} for {@code arn}.
     *
     * @throws IllegalArgumentException when the document is not a policy: no {@code Statement}, an {@code Effect}
     *     other than Allow or Deny, a statement without {@code Action} or {@code Resource}
     */
    public static Result evaluate(JsonNode policyDocument, String arn) {
        if (policyDocument == null || !policyDocument.isObject()) {
            throw new IllegalArgumentException("policyDocument is missing or not an object");
        }
        var statements = policyDocument.get("Statement");
        if (statements == null || !(statements.isArray() || statements.isObject())) {
            throw new IllegalArgumentException("policyDocument has no Statement");
        }
        boolean allowed = false;
        for (var statement : statements.isArray() ? list(statements) : List.of(statements)) {
            var effect = text(statement, "Effect");
            if (!effect.equals("Allow") && !effect.equals("Deny")) {
                throw new IllegalArgumentException("Effect: " + effect + " (expected: Allow or Deny)");
            }
            if (!matchesAction(statement) || !matchesResource(statement, arn)) {
                continue;
            }
            if (effect.equals("Deny")) {
                return Result.EXPLICIT_DENY;
            }
            allowed = true;
        }
        return allowed ? Result.ALLOW : Result.IMPLICIT_DENY;
    }

    private static boolean matchesAction(JsonNode statement) {
        for (var action : strings(statement, "Action")) {
            if (wildcard(action.toLowerCase(java.util.Locale.ROOT))
                    .matcher("execute-api:invoke")
                    .matches()) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesResource(JsonNode statement, String arn) {
        for (var resource : strings(statement, "Resource")) {
            if (wildcard(resource).matcher(arn).matches()) {
                return true;
            }
        }
        return false;
    }

    /** IAM's wildcards as a regular expression; everything else literal. */
    static Pattern wildcard(String glob) {
        var regex = new StringBuilder();
        var literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                if (!literal.isEmpty()) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static List<String> strings(JsonNode statement, String field) {
        var node = statement.get(field);
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException("a statement has no " + field);
        }
        if (node.isTextual()) {
            return List.of(node.asText());
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException(field + ": " + node + " (expected: a string or a list of strings)");
        }
        var values = new ArrayList<String>();
        node.forEach(item -> values.add(item.asText()));
        return values;
    }

    private static String text(JsonNode statement, String field) {
        var node = statement.get(field);
        return node == null || !node.isTextual() ? String.valueOf(node) : node.asText();
    }

    private static List<JsonNode> list(JsonNode array) {
        var items = new ArrayList<JsonNode>();
        array.forEach(items::add);
        return items;
    }
}
