package dev.regionless.tables.protocol;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionless.tables.StreamErrors;
import dev.regionless.tables.TableErrors;
import dev.regionless.tables.streams.TableStream;
import dev.regionless.tables.streams.TableStreams;
import java.util.List;
import java.util.regex.Pattern;

/**
 * ListStreams: the streams of every table, or of one, in pages. Streams are listed in ARN order, so that a page
 * can start after any ARN, even one whose stream has gone since.
 */
final class ListStreams {
    static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]+");
    private static final int MAX_LIMIT = 100;

    private final TableStreams streams;

    ListStreams(TableStreams streams) {
        this.streams = streams;
    }

    ObjectNode answer(StreamsRequest request) {
        var tableName = request.optionalString("TableName", 3, 255, TABLE_NAME);
        var limit = request.positiveInteger("Limit");
        var exclusiveStart = request.optionalString("ExclusiveStartStreamArn", 37, 1024);
        request.validate();
        if (limit != null && limit > MAX_LIMIT) {
            throw TableErrors.invalidParameter("Limit cannot be greater than the maximum allowed size: " + MAX_LIMIT);
        }
        if (exclusiveStart != null && TableStream.tableNameIn(exclusiveStart).isEmpty()) {
            throw StreamErrors.invalidStreamArn();
        }

        var candidates = (tableName == null ? streams.all() : streams.ofTable(tableName))
                .stream()
                        .filter(stream -> exclusiveStart == null || stream.arn().compareTo(exclusiveStart) > 0)
                        .toList();
        int pageSize = limit == null ? MAX_LIMIT : limit;
        List<TableStream> page = candidates.subList(0, Math.min(pageSize, candidates.size()));

        var answer = JsonNodeFactory.instance.objectNode();
        var list = answer.putArray("Streams");
        for (var stream : page) {
            var entry = list.addObject();
            entry.put("StreamArn", stream.arn());
            entry.put("TableName", stream.tableName());
            entry.put("StreamLabel", stream.label());
        }
        if (candidates.size() > page.size()) {
            answer.put("LastEvaluatedStreamArn", page.getLast().arn());
        }
        return answer;
    }
}
