package dev.regionless.tables.protocol;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionless.tables.ChangeRecord;
import dev.regionless.tables.Item;
import dev.regionless.tables.catalog.StreamSpecification.StreamViewType;
import dev.regionless.tables.streams.SequenceNumbers;
import dev.regionless.tables.streams.TableStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Writes change records as DynamoDB Streams' {@code Record}s: the images the stream's view type shows, the
 * sequence number as a decimal string, and the service identity for deletions made by time to live.
 *
 * <p>Public because Lambda's DynamoDB events carry the same records: the event source mappings write them here too,
 * so a function receives exactly what a stream reader would, plus the two things Lambda changes (see
 * {@link #writeForLambda}).
 */
public final class StreamRecords {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final String region;

    /** @param region the region name every record carries as {@code awsRegion} */
    public StreamRecords(String region) {
        this.region = requireNonNull(region, "region");
    }

    /** The record as the DynamoDB Streams API's GetRecords answers it. */
    public ObjectNode write(TableStream stream, ChangeRecord record) {
        var view = stream.viewType();
        var node = JSON.objectNode();
        node.put("eventID", eventId(stream, record));
        node.put("eventName", record.eventName().name());
        node.put("eventVersion", "1.1");
        node.put("eventSource", "aws:dynamodb");
        node.put("awsRegion", region);
        var dynamodb = node.putObject("dynamodb");
        dynamodb.put("ApproximateCreationDateTime", Math.floorDiv(record.createdAtMillis(), 1000));
        dynamodb.set("Keys", AttributeValues.writeItem(record.keys()));
        var newImage = newImage(record, view);
        if (newImage != null) {
            dynamodb.set("NewImage", AttributeValues.writeItem(newImage));
        }
        var oldImage = oldImage(record, view);
        if (oldImage != null) {
            dynamodb.set("OldImage", AttributeValues.writeItem(oldImage));
        }
        dynamodb.put("SequenceNumber", SequenceNumbers.format(record.sequence()));
        dynamodb.put("SizeBytes", sizeBytes(record, view));
        dynamodb.put("StreamViewType", view.name());
        if (record.expiry()) {
            var identity = node.putObject("userIdentity");
            identity.put("PrincipalId", "dynamodb.amazonaws.com");
            identity.put("Type", "Service");
        }
        return node;
    }

    /**
     * The record as Lambda puts it in a DynamoDB event: the Streams record plus {@code eventSourceARN}, the stream's
     * ARN. Lambda spells the time-to-live identity's fields in lower camel case ({@code type}, {@code principalId})
     * where the Streams API capitalises them, and {@code DynamodbEvent} of aws-lambda-java-events reads only the
     * former.
     */
    public ObjectNode writeForLambda(TableStream stream, ChangeRecord record) {
        var node = write(stream, record);
        if (record.expiry()) {
            var identity = node.putObject("userIdentity");
            identity.put("type", "Service");
            identity.put("principalId", "dynamodb.amazonaws.com");
        }
        node.put("eventSourceARN", stream.arn());
        return node;
    }

    /** The record's size as DynamoDB reports it: the item sizes of the keys and of the images it shows. */
    public static int sizeBytes(ChangeRecord record, StreamViewType view) {
        var newImage = newImage(record, view);
        var oldImage = oldImage(record, view);
        return record.keys().size()
                + (newImage == null ? 0 : newImage.size())
                + (oldImage == null ? 0 : oldImage.size());
    }

    private static Item newImage(ChangeRecord record, StreamViewType view) {
        boolean shown = view == StreamViewType.NEW_IMAGE || view == StreamViewType.NEW_AND_OLD_IMAGES;
        return shown ? record.newImage() : null;
    }

    private static Item oldImage(ChangeRecord record, StreamViewType view) {
        boolean shown = view == StreamViewType.OLD_IMAGE || view == StreamViewType.NEW_AND_OLD_IMAGES;
        return shown ? record.oldImage() : null;
    }

    /** 32 hex digits like AWS's, the same each time the record is read, different for every record. */
    private static String eventId(TableStream stream, ChangeRecord record) {
        var name = stream.arn() + "#" + record.sequence();
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8))
                .toString()
                .replace("-", "");
    }
}
