package dev.regionless.tables.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionless.tables.TableErrors;
import dev.regionless.tables.partiql.PartiqlToken.Kind;
import java.util.LinkedHashSet;

/**
 * Literal values, turned into DynamoDB JSON: {@code 'a'} is S, {@code 1.5} is N, {@code true} is BOOL, {@code null}
 * is NULL, {@code {'k': v}} is M, {@code [v, ...]} is L and {@code <<'a', 'b'>>} is SS or NS. A {@code ?} is its
 * parameter, which carries its own type.
 */
final class ValueParser {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String BAG_TYPES =
            "Unsupported data type in Bag. DynamoDB only supports either numbers or strings in bags";

    private ValueParser() {}

    /** Whether the next token starts a value rather than a path. */
    static boolean startsValue(TokenStream tokens) {
        var token = tokens.peek();
        return switch (token.kind()) {
            case STRING, NUMBER, PARAMETER -> true;
            case SYMBOL ->
                token.isSymbol("{")
                        || token.isSymbol("[")
                        || token.isSymbol("<<")
                        || (token.isSymbol("-") && tokens.peek(1).kind() == Kind.NUMBER);
            case WORD -> token.isKeyword("TRUE") || token.isKeyword("FALSE") || token.isKeyword("NULL");
            default -> false;
        };
    }

    static JsonNode value(TokenStream tokens) {
        var token = tokens.next();
        switch (token.kind()) {
            case STRING:
                return typed("S", JSON.textNode(token.text()));
            case NUMBER:
                return typed("N", JSON.textNode(token.text()));
            case PARAMETER:
                return tokens.nextParameter();
            case WORD:
                if (token.isKeyword("TRUE") || token.isKeyword("FALSE")) {
                    return typed("BOOL", JSON.booleanNode(token.isKeyword("TRUE")));
                }
                if (token.isKeyword("NULL")) {
                    return typed("NULL", JSON.booleanNode(true));
                }
                if (token.isKeyword("MISSING")) {
                    throw TableErrors.validation("MISSING must be compared using IS operator");
                }
                break;
            case SYMBOL:
                if (token.isSymbol("-") && tokens.peek().kind() == Kind.NUMBER) {
                    return typed("N", JSON.textNode("-" + tokens.next().text()));
                }
                if (token.isSymbol("{") || token.isSymbol("[")) {
                    tokens.enter();
                    var document = token.isSymbol("{") ? map(tokens) : list(tokens);
                    tokens.exit();
                    return document;
                }
                if (token.isSymbol("<<")) {
                    return set(tokens);
                }
                break;
            default:
                break;
        }
        throw StatementErrors.malformed("Expected a value but found " + token.shown());
    }

    private static JsonNode map(TokenStream tokens) {
        var members = JSON.objectNode();
        if (!tokens.acceptSymbol("}")) {
            do {
                var key = tokens.next();
                if (key.kind() != Kind.STRING) {
                    throw StatementErrors.malformed("Expected a string as the key of a map but found " + key.shown());
                }
                tokens.expectSymbol(":");
                if (members.has(key.text())) {
                    throw TableErrors.validation("Duplicate keys in tuple. Key: " + key.text());
                }
                members.set(key.text(), value(tokens));
            } while (tokens.acceptSymbol(","));
            tokens.expectSymbol("}");
        }
        return typed("M", members);
    }

    private static JsonNode list(TokenStream tokens) {
        var elements = JSON.arrayNode();
        if (!tokens.acceptSymbol("]")) {
            do {
                elements.add(value(tokens));
            } while (tokens.acceptSymbol(","));
            tokens.expectSymbol("]");
        }
        return typed("L", elements);
    }

    private static JsonNode set(TokenStream tokens) {
        if (tokens.acceptSymbol(">>")) {
            throw TableErrors.validation("Empty bags are not supported");
        }
        var members = new LinkedHashSet<String>();
        String type = null;
        do {
            var negative = tokens.acceptSymbol("-");
            var token = tokens.next();
            String memberType = switch (token.kind()) {
                case STRING -> negative ? null : "SS";
                case NUMBER -> "NS";
                default -> null;
            };
            if (memberType == null || (type != null && !type.equals(memberType))) {
                throw TableErrors.validation(BAG_TYPES);
            }
            type = memberType;
            if (!members.add((negative ? "-" : "") + token.text())) {
                throw TableErrors.validation("Input collection contains duplicates");
            }
        } while (tokens.acceptSymbol(","));
        tokens.expectSymbol(">>");
        var array = JSON.arrayNode();
        members.forEach(array::add);
        return typed(type, array);
    }

    private static ObjectNode typed(String type, JsonNode value) {
        var node = JSON.objectNode();
        node.set(type, value);
        return node;
    }
}
