package dev.regionless.events;

import dev.regionless.events.internal.EventPattern;
import dev.regionless.functions.FunctionErrors;
import java.util.List;

/**
 * A queue mapping's {@code FilterCriteria}: up to five filter patterns in Lambda's (EventBridge's) syntax, of which a
 * message must match at least one to reach the function. A queue message that matches none is deleted unseen, as
 * Lambda does. Patterns are checked when the mapping is made, so a pattern Regionless cannot apply is refused then
 * rather than ignored.
 *
 * @param patterns the patterns as JSON text, in the order given; empty for no filtering
 */
public record FilterCriteria(List<String> patterns) {
    /** Lambda's default quota of filters per mapping. */
    public static final int MAX_FILTERS = 5;

    private static final FilterCriteria NONE = new FilterCriteria(List.of());

    public FilterCriteria {
        patterns = List.copyOf(patterns);
        if (patterns.size() > MAX_FILTERS) {
            throw FunctionErrors.invalidParameter("FilterCriteria.Filters: " + patterns.size()
                    + " filters (expected: at" + " most " + MAX_FILTERS + ")");
        }
        for (int i = 0; i < patterns.size(); i++) {
            EventPattern.compile("FilterCriteria.Filters[" + i + "].Pattern", patterns.get(i));
        }
    }

    public static FilterCriteria none() {
        return NONE;
    }

    public boolean isEmpty() {
        return patterns.isEmpty();
    }
}
