package dev.regionless.tables.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A parsed statement, its parameters already bound into its values. */
sealed interface Statement {
    /** The table the statement reads or writes. */
    String table();

    /**
     * {@code SELECT projection FROM table[.index] [WHERE where] [ORDER BY key [ASC|DESC], ...]}.
     *
     * @param index the index read, or null for the table
     * @param projection the paths selected; empty for {@code *}
     * @param where the condition, or null
     * @param orderBy the key attributes the result is ordered by, in order; empty for none
     */
    record Select(String table, String index, List<AttributePath> projection, Predicate where, List<Ordering> orderBy)
            implements Statement {
        public Select {
            projection = List.copyOf(projection);
            orderBy = List.copyOf(orderBy);
        }

        /** Whether the statement orders by {@code attribute} from the highest value down. */
        boolean descending(String attribute) {
            return orderBy.stream().anyMatch(o -> o.attribute().equals(attribute) && o.descending());
        }

        boolean ordersBy(String attribute) {
            return orderBy.stream().anyMatch(o -> o.attribute().equals(attribute));
        }
    }

    /** One term of ORDER BY. */
    record Ordering(String attribute, boolean descending) {}

    /** {@code INSERT INTO table VALUE item}, the item a DynamoDB JSON value of type M. */
    record Insert(String table, JsonNode item) implements Statement {}

    /**
     * {@code UPDATE table SET ... REMOVE ... WHERE where [RETURNING ...]}.
     *
     * @param returnValues the RETURNING clause as UpdateItem's {@code ReturnValues}, or null
     */
    record Update(String table, List<UpdateClause> clauses, Predicate where, String returnValues) implements Statement {
        public Update {
            clauses = List.copyOf(clauses);
        }
    }

    /** {@code DELETE FROM table WHERE where [RETURNING ALL OLD *]}. */
    record Delete(String table, Predicate where, String returnValues) implements Statement {}

    /** {@code EXISTS(SELECT * FROM table WHERE key AND condition)}: a condition check in a transaction. */
    record Exists(Select select) implements Statement {
        @Override
        public String table() {
            return select.table();
        }
    }

    /** One action of an UPDATE: {@code SET path = value} or {@code REMOVE path}. */
    sealed interface UpdateClause {
        AttributePath path();

        record Set(AttributePath path, Operand value) implements UpdateClause {}

        record Remove(AttributePath path) implements UpdateClause {}
    }
}
