package dev.regionless.tables.expression;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A parsed update: its actions in the order written. {@link UpdateParser} builds it from an
 * {@code UpdateExpression}, the legacy converter from {@code AttributeUpdates}; {@link UpdateApplier} applies it.
 *
 * @param source the request parameter the update came from, which decides DynamoDB's type error texts
 */
public record Update(List<UpdateAction> actions, Source source) {
    public Update {
        actions = List.copyOf(actions);
        requireNonNull(source, "source");
    }

    /** An update parsed from an {@code UpdateExpression}. */
    public Update(List<UpdateAction> actions) {
        this(actions, Source.UPDATE_EXPRESSION);
    }

    /** The request parameter an update came from. */
    public enum Source {
        UPDATE_EXPRESSION,
        ATTRIBUTE_UPDATES
    }
}
