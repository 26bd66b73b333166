package dev.regionless.tables.partiql;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A write statement as one action of the item API.
 *
 * @param action {@code Put}, {@code Update}, {@code Delete} (run alone as PutItem, UpdateItem, DeleteItem), or
 *     {@code ConditionCheck} (an {@code EXISTS}, only in a transaction)
 * @param request the action's request, as TransactWriteItems takes it and (with {@code ReturnValues}) the single
 *     item operations too
 * @param insert whether the statement is an INSERT, whose failed condition DynamoDB reports as a duplicate item
 * @param returnValues the RETURNING clause as {@code ReturnValues}, or null for none
 */
public record WritePlan(String table, String action, ObjectNode request, boolean insert, String returnValues)
        implements StatementPlan {
    /** The request to run alone, with {@code ReturnValues} when the statement has a RETURNING clause. */
    public ObjectNode singleRequest() {
        var single = request.deepCopy();
        if (returnValues != null) {
            single.put("ReturnValues", returnValues);
        }
        return single;
    }
}
