package dev.regionless.tables.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.tables.TableErrors;
import java.util.ArrayList;
import java.util.List;

/** Parses one statement of DynamoDB's PartiQL, binding its {@code ?} parameters in order. */
final class StatementParser {
    private final TokenStream tokens;

    private StatementParser(String statement, List<JsonNode> parameters) {
        this.tokens = new TokenStream(statement, parameters);
    }

    /**
     * The statement as a tree.
     *
     * @param parameters the request's {@code Parameters}, as DynamoDB JSON, one for each {@code ?}
     * @throws dev.regionless.common.AwsException a {@code ValidationException} in DynamoDB's words for a statement
     *     that is not well formed or does not have as many {@code ?} as parameters
     */
    static Statement parse(String statement, List<JsonNode> parameters) {
        return new StatementParser(statement, parameters).statement();
    }

    private Statement statement() {
        Statement statement;
        if (tokens.acceptKeyword("SELECT")) {
            statement = select();
        } else if (tokens.acceptKeyword("INSERT")) {
            statement = insert();
        } else if (tokens.acceptKeyword("UPDATE")) {
            statement = update();
        } else if (tokens.acceptKeyword("DELETE")) {
            statement = delete();
        } else if (tokens.acceptKeyword("EXISTS")) {
            tokens.expectSymbol("(");
            tokens.expectKeyword("SELECT");
            statement = new Statement.Exists(select());
            tokens.expectSymbol(")");
        } else {
            throw StatementErrors.malformed("Expected data manipulation");
        }
        tokens.expectEnd();
        return statement;
    }

    private Statement.Select select() {
        var projection = new ArrayList<AttributePath>();
        if (!tokens.acceptSymbol("*")) {
            do {
                if (tokens.peek().isSymbol("*")) {
                    throw TableErrors.validation(
                            "Other attributes should not be present in the projection when '*' is used.");
                }
                projection.add(ExpressionParser.path(tokens));
            } while (tokens.acceptSymbol(","));
        }
        tokens.expectKeyword("FROM");
        var table = ExpressionParser.name(tokens);
        String index = null;
        if (tokens.acceptSymbol(".")) {
            index = ExpressionParser.name(tokens);
            if (tokens.peek().isSymbol(".")) {
                throw TableErrors.validation("A path may contain at most 2 components in the FROM clause");
            }
        }
        var where = tokens.acceptKeyword("WHERE") ? ExpressionParser.predicate(tokens) : null;
        var orderBy = new ArrayList<Statement.Ordering>();
        if (tokens.acceptKeyword("ORDER")) {
            tokens.expectKeyword("BY");
            do {
                var attribute = ExpressionParser.name(tokens);
                boolean descending = tokens.acceptKeyword("DESC");
                if (!descending) {
                    tokens.acceptKeyword("ASC");
                }
                orderBy.add(new Statement.Ordering(attribute, descending));
            } while (tokens.acceptSymbol(","));
            if (where == null) {
                throw TableErrors.validation("Must have WHERE clause in the statement when using ORDER BY clause.");
            }
        }
        return new Statement.Select(table, index, projection, where, orderBy);
    }

    private Statement.Insert insert() {
        tokens.expectKeyword("INTO");
        var table = ExpressionParser.name(tokens);
        if (tokens.peek().isKeyword("VALUES")) {
            throw StatementErrors.unsupported(
                    "Inserting multiple items in a single statement is not supported, use \"INSERT INTO tableName "
                            + "VALUE item\" instead");
        }
        tokens.expectKeyword("VALUE");
        var item = ValueParser.value(tokens);
        if (!item.has("M")) {
            throw TableErrors.validation("Unsupported format in item expression. Please use struct format {...} to "
                    + "express item values for insert statement.");
        }
        if (tokens.peek().isKeyword("RETURNING")) {
            throw TableErrors.validation("RETURNING is not supported in INSERT");
        }
        return new Statement.Insert(table, item);
    }

    private Statement.Update update() {
        var table = ExpressionParser.name(tokens);
        var clauses = new ArrayList<Statement.UpdateClause>();
        while (true) {
            if (tokens.acceptKeyword("SET")) {
                do {
                    var path = ExpressionParser.path(tokens);
                    tokens.expectSymbol("=");
                    clauses.add(new Statement.UpdateClause.Set(path, ExpressionParser.updateValue(tokens)));
                } while (tokens.acceptSymbol(","));
            } else if (tokens.acceptKeyword("REMOVE")) {
                do {
                    clauses.add(new Statement.UpdateClause.Remove(ExpressionParser.path(tokens)));
                } while (tokens.acceptSymbol(","));
            } else {
                break;
            }
        }
        if (clauses.isEmpty()) {
            throw tokens.expected("SET or REMOVE");
        }
        if (!tokens.acceptKeyword("WHERE")) {
            throw StatementErrors.incompleteKey();
        }
        var where = ExpressionParser.predicate(tokens);
        return new Statement.Update(table, clauses, where, returning(false));
    }

    private Statement.Delete delete() {
        tokens.expectKeyword("FROM");
        var table = ExpressionParser.name(tokens);
        if (!tokens.acceptKeyword("WHERE")) {
            throw StatementErrors.incompleteKey();
        }
        var where = ExpressionParser.predicate(tokens);
        return new Statement.Delete(table, where, returning(true));
    }

    /** {@code RETURNING (ALL | MODIFIED) (OLD | NEW) *} as UpdateItem's {@code ReturnValues}, or null. */
    private String returning(boolean delete) {
        if (!tokens.acceptKeyword("RETURNING")) {
            return null;
        }
        String scope = tokens.acceptKeyword("ALL") ? "ALL" : tokens.acceptKeyword("MODIFIED") ? "MODIFIED" : null;
        String image =
                scope == null ? null : tokens.acceptKeyword("OLD") ? "OLD" : tokens.acceptKeyword("NEW") ? "NEW" : null;
        if (image == null || !tokens.acceptSymbol("*")) {
            throw TableErrors.validation("Expected '*' after ( MODIFIED | ALL ) ( NEW | OLD ) in RETURNING clause");
        }
        if (delete && !(scope.equals("ALL") && image.equals("OLD"))) {
            throw TableErrors.validation("Invalid returning clause: RETURNING " + scope + " " + image
                    + " *. Only RETURNING ALL OLD * is allowed in DELETE statements.");
        }
        return (scope.equals("ALL") ? "ALL_" : "UPDATED_") + image;
    }
}
