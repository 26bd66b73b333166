package dev.regionless.events;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * An event source mapping as the Lambda API describes it ({@code EventSourceMappingConfiguration}).
 *
 * @param mapping its settings
 * @param fromTemplate true for a mapping a deployed template declares, false for one created through the API
 * @param state {@code Creating}, {@code Enabled}, {@code Disabled}, {@code Enabling}, {@code Disabling},
 *     {@code Updating} or {@code Deleting}
 * @param functionArn the function's ARN
 * @param eventSourceArn the stream's ARN: as given to the API, or for a template's mapping its table's current
 *     stream
 * @param lastModified when the mapping was created or last changed
 * @param lastProcessingResult what happened to the last batch, such as {@code OK} or
 *     {@code PROBLEM: Function call failed}
 */
public record MappingDescription(
        EventSourceMapping mapping,
        boolean fromTemplate,
        String state,
        String functionArn,
        String eventSourceArn,
        Instant lastModified,
        String lastProcessingResult) {
    public MappingDescription {
        requireNonNull(mapping, "mapping");
        requireNonNull(state, "state");
        requireNonNull(functionArn, "functionArn");
        requireNonNull(eventSourceArn, "eventSourceArn");
        requireNonNull(lastModified, "lastModified");
        requireNonNull(lastProcessingResult, "lastProcessingResult");
    }

    public String uuid() {
        return mapping.uuid();
    }

    /** The mapping's own ARN, {@code arn:aws:lambda:REGION:ACCOUNT:event-source-mapping:UUID}. */
    public String arn() {
        int function = functionArn.indexOf(":function:");
        var prefix = function < 0 ? functionArn : functionArn.substring(0, function);
        return prefix + ":event-source-mapping:" + mapping.uuid();
    }

    /** The same description in another state, as an API call that starts a transition answers it. */
    public MappingDescription inState(String newState) {
        return new MappingDescription(
                mapping, fromTemplate, newState, functionArn, eventSourceArn, lastModified, lastProcessingResult);
    }
}
