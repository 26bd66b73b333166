package dev.regionless.tables.protocol;

import dev.regionless.tables.StreamErrors;
import dev.regionless.tables.streams.TableStream;
import dev.regionless.tables.streams.TableStreams;

/**
 * Finds the stream a request names, telling apart text that is no stream ARN (a {@code ValidationException}, as
 * AWS answers) from an ARN that names no stream ({@code ResourceNotFoundException}).
 */
record StreamLookup(TableStreams streams) {
    TableStream require(String streamArn) {
        if (TableStream.tableNameIn(streamArn).isEmpty()) {
            throw StreamErrors.invalidStreamArn();
        }
        return streams.find(streamArn).orElseThrow(() -> StreamErrors.streamNotFound(streamArn));
    }
}
