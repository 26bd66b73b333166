package dev.regionless.tables.expression;

import java.util.List;

/**
 * A parsed update expression: its actions in the order written, grouped by {@link UpdateParser} from the
 * {@code SET}, {@code REMOVE}, {@code ADD} and {@code DELETE} clauses. {@link UpdateApplier} applies it to an item.
 */
public record Update(List<UpdateAction> actions) {
    public Update {
        actions = List.copyOf(actions);
    }
}
