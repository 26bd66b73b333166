package dev.regionless.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.regionless.events.StreamTables;
import dev.regionless.tables.AttributeValue;
import dev.regionless.tables.Item;
import dev.regionless.tables.catalog.StreamSpecification.StreamViewType;
import dev.regionless.tables.streams.TableStream;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The events a function receives, read back with Amazon's own serializer into the class handlers declare. */
class DynamodbEventsTest {
    @TempDir
    Path folder;

    StreamTables tables;
    final DynamodbEvents events = new DynamodbEvents(StreamTables.REGION);

    @BeforeEach
    void open() {
        tables = new StreamTables(folder);
    }

    @AfterEach
    void close() {
        tables.close();
    }

    private TableStream stream(String table) {
        return TableStream.of(tables.store.requireTable(table)).orElseThrow();
    }

    private EventBatch batchOfEverything(String table) {
        var stream = stream(table);
        return events.batch(stream, tables.store.readStream(stream.table(), 0, 100));
    }

    private static DynamodbEvent read(EventBatch batch) {
        var serializer =
                LambdaEventSerializers.serializerFor(DynamodbEvent.class, DynamodbEvent.class.getClassLoader());
        return serializer.fromJson(new ByteArrayInputStream(batch.payload()));
    }

    @Test
    void anEventReadsIntoLambdasDynamodbEventWithEveryFieldOfEveryRecord() {
        tables.createTable("messages", StreamViewType.NEW_AND_OLD_IMAGES);
        tables.clock.advance(Duration.ofMillis(1_500));
        tables.put("messages", "a", "hello");
        tables.put("messages", "a", "bye");
        tables.delete("messages", "a");

        var event = read(batchOfEverything("messages"));

        var insert = event.getRecords().get(0);
        assertThat(insert.getEventID()).matches("[0-9a-f]{32}");
        assertThat(insert.getEventName()).isEqualTo("INSERT");
        assertThat(insert.getEventVersion()).isEqualTo("1.1");
        assertThat(insert.getEventSource()).isEqualTo("aws:dynamodb");
        assertThat(insert.getAwsRegion()).isEqualTo("eu-west-2");
        assertThat(insert.getEventSourceARN()).isEqualTo(stream("messages").arn());
        assertThat(insert.getUserIdentity()).isNull();
        var change = insert.getDynamodb();
        assertThat(change.getApproximateCreationDateTime())
                .isEqualTo(Date.from(tables.clock.instant().minusMillis(500)));
        assertThat(change.getKeys().get("id").getS()).isEqualTo("a");
        assertThat(change.getNewImage().get("text").getS()).isEqualTo("hello");
        assertThat(change.getOldImage()).isNull();
        assertThat(change.getSequenceNumber()).isEqualTo("000000000000000000001");
        assertThat(change.getSizeBytes()).isEqualTo(3L + 3 + 4 + 5);
        assertThat(change.getStreamViewType()).isEqualTo("NEW_AND_OLD_IMAGES");
        var modify = event.getRecords().get(1);
        assertThat(modify.getEventName()).isEqualTo("MODIFY");
        assertThat(modify.getDynamodb().getOldImage().get("text").getS()).isEqualTo("hello");
        assertThat(modify.getDynamodb().getNewImage().get("text").getS()).isEqualTo("bye");
        var remove = event.getRecords().get(2);
        assertThat(remove.getEventName()).isEqualTo("REMOVE");
        assertThat(remove.getDynamodb().getOldImage().get("text").getS()).isEqualTo("bye");
        assertThat(remove.getDynamodb().getNewImage()).isNull();
        assertThat(event.getRecords())
                .extracting(record -> record.getDynamodb().getSequenceNumber())
                .containsExactly("000000000000000000001", "000000000000000000002", "000000000000000000003");
    }

    @Test
    void aRecordShowsOnlyWhatTheStreamsViewTypeShows() {
        tables.createTable("messages", StreamViewType.KEYS_ONLY);
        tables.put("messages", "a", "hello");

        var change = read(batchOfEverything("messages")).getRecords().get(0).getDynamodb();

        assertThat(change.getKeys()).containsOnlyKeys("id");
        assertThat(change.getNewImage()).isNull();
        assertThat(change.getStreamViewType()).isEqualTo("KEYS_ONLY");
    }

    @Test
    void anItemDeletedByTimeToLiveNamesDynamodbAsTheUserIdentity() {
        tables.createTable("sessions", StreamViewType.OLD_IMAGE);
        tables.store.updateTable("sessions", state -> state.withTtlAttribute("expires"));
        long past = tables.clock.millis() / 1000 - 60;
        tables.put("sessions", Item.of(Map.of("id", new AttributeValue.S("s1"), "expires", AttributeValue.N.of(past))));
        tables.store.expireItems();

        var event = read(batchOfEverything("sessions"));

        var removal = event.getRecords().get(1);
        assertThat(removal.getEventName()).isEqualTo("REMOVE");
        assertThat(removal.getUserIdentity().getType()).isEqualTo("Service");
        assertThat(removal.getUserIdentity().getPrincipalId()).isEqualTo("dynamodb.amazonaws.com");
        assertThat(event.getRecords().get(0).getUserIdentity()).isNull();
    }

    @Test
    void aBatchEndsBeforeTheRecordThatWouldTakeItsEventPastThePayloadLimit() {
        tables.createTable("messages", StreamViewType.NEW_IMAGE);
        tables.put("messages", "a", "x".repeat(1000));
        tables.put("messages", "b", "x".repeat(1000));
        tables.put("messages", "c", "x".repeat(1000));
        var stream = stream("messages");
        var records = tables.store.readStream(stream.table(), 0, 100);
        int twoRecords = events.batch(stream, records.subList(0, 2)).payload().length;
        var limited = new DynamodbEvents(StreamTables.REGION, twoRecords);

        var batch = limited.batch(stream, records);

        assertThat(batch.records()).extracting(r -> r.sequence()).containsExactly(1L, 2L);
        assertThat(batch.payload()).hasSize(twoRecords);
        assertThat(read(batch).getRecords()).hasSize(2);
    }

    @Test
    void aFirstRecordLargerThanTheLimitIsStillSentAlone() {
        tables.createTable("messages", StreamViewType.NEW_IMAGE);
        tables.put("messages", "a", "x".repeat(1000));
        tables.put("messages", "b", "y");
        var stream = stream("messages");
        var records = tables.store.readStream(stream.table(), 0, 100);

        var batch = new DynamodbEvents(StreamTables.REGION, 500).batch(stream, records);

        assertThat(batch.records()).extracting(r -> r.sequence()).containsExactly(1L);
    }
}
