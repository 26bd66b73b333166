package dev.regionless.tables.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import dev.regionless.tables.catalog.TableDefinition;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a PartiQL statement does, as requests of the item API: a {@link ReadPlan} of Query or Scan requests, or a
 * {@link WritePlan} of one PutItem, UpdateItem, DeleteItem or condition check.
 */
public sealed interface StatementPlan permits ReadPlan, WritePlan {
    /** The table the statement reads or writes. */
    String table();

    /**
     * Parses a statement and plans it against the table it names.
     *
     * @param statement the PartiQL text
     * @param parameters the request's {@code Parameters} as DynamoDB JSON, one for each {@code ?} in order
     * @param tables the definition of a table by name, empty if there is no such table
     * @throws dev.regionless.common.AwsException {@code ValidationException} for a statement DynamoDB would not
     *     run, {@code ResourceNotFoundException} for an unknown table
     */
    static StatementPlan of(
            String statement, List<JsonNode> parameters, Function<String, Optional<TableDefinition>> tables) {
        return StatementPlanner.plan(StatementParser.parse(statement, parameters), tables);
    }
}
