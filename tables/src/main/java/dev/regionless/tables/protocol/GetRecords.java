package dev.regionless.tables.protocol;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionless.tables.ChangeRecord;
import dev.regionless.tables.StreamErrors;
import dev.regionless.tables.TableErrors;
import dev.regionless.tables.streams.ShardIterator;
import dev.regionless.tables.streams.TableStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * GetRecords: the records after an iterator's position, up to the limit or about 1 MB, with the iterator for the
 * next call. An open shard always answers a next iterator, even with no records; a closed shard stops answering
 * one once everything it holds has been read.
 */
final class GetRecords {
    static final Duration ITERATOR_LIFETIME = Duration.ofMinutes(15);
    static final int MAX_LIMIT = 1000;
    static final int MAX_BYTES = 1024 * 1024;
    /** Records are read from storage in batches, so that a page of large records is not all loaded at once. */
    private static final int BATCH = 100;

    private final StreamLookup lookup;
    private final StreamRecords records;
    private final Clock clock;

    GetRecords(StreamLookup lookup, StreamRecords records, Clock clock) {
        this.lookup = lookup;
        this.records = records;
        this.clock = clock;
    }

    ObjectNode answer(StreamsRequest request) {
        var iteratorText = request.requiredString("ShardIterator", 1, 2048);
        var limit = request.positiveInteger("Limit");
        request.validate();
        if (limit != null && limit > MAX_LIMIT) {
            throw TableErrors.invalidParameter("Limit should be less than or equal to " + MAX_LIMIT);
        }
        long now = clock.millis();
        var iterator = unexpired(iteratorText, now);
        var stream = streamOf(iterator);
        var shard = lookup.streams().shard(stream);
        if (shard.trimmedAfter(iterator.afterSequence())) {
            throw StreamErrors.trimmed();
        }

        var page = read(stream, iterator.afterSequence(), limit == null ? MAX_LIMIT : limit);
        var answer = JsonNodeFactory.instance.objectNode();
        var list = answer.putArray("Records");
        page.forEach(record -> list.add(records.write(stream, record)));
        long position =
                page.isEmpty() ? iterator.afterSequence() : page.getLast().sequence();
        if (!shard.exhaustedAfter(position)) {
            var next = new ShardIterator(stream.arn(), stream.shardId(), position, now);
            answer.put("NextShardIterator", next.encode());
        }
        return answer;
    }

    /** The iterator the text stands for, if this service issued it and it has not expired. */
    private static ShardIterator unexpired(String iteratorText, long now) {
        var iterator = ShardIterator.decode(iteratorText).orElseThrow(StreamErrors::invalidShardIterator);
        if (now - iterator.issuedAtMillis() > ITERATOR_LIFETIME.toMillis()) {
            throw StreamErrors.expiredIterator();
        }
        return iterator;
    }

    /** The stream the iterator reads, as long as it still exists with the iterator's shard. */
    private TableStream streamOf(ShardIterator iterator) {
        var stream = lookup.streams()
                .find(iterator.streamArn())
                .orElseThrow(() -> StreamErrors.streamNotFound(iterator.streamArn()));
        if (!stream.shardId().equals(iterator.shardId())) {
            throw StreamErrors.shardNotFound();
        }
        return stream;
    }

    /** Up to {@code limit} records after {@code afterSequence}, stopping before 1 MB (but never at none). */
    private List<ChangeRecord> read(TableStream stream, long afterSequence, int limit) {
        var page = new ArrayList<ChangeRecord>();
        long position = afterSequence;
        int bytes = 0;
        while (page.size() < limit) {
            int wanted = Math.min(BATCH, limit - page.size());
            var batch = lookup.streams().read(stream, position, wanted);
            for (var record : batch) {
                bytes += StreamRecords.sizeBytes(record, stream.viewType());
                if (bytes > MAX_BYTES && !page.isEmpty()) {
                    return page;
                }
                page.add(record);
            }
            if (batch.size() < wanted) {
                return page; // the shard holds nothing more yet
            }
            position = batch.getLast().sequence();
        }
        return page;
    }
}
