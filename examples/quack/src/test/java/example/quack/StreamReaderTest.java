package example.quack;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamReaderTest {
    private static DynamodbEvent.DynamodbStreamRecord record(String eventName, String id, String ts) {
        var image = Map.of(
                "id", new AttributeValue().withS(id),
                "ts", new AttributeValue().withN(ts),
                "type", new AttributeValue().withS("message"),
                "message", new AttributeValue().withS("text " + id),
                "source", new AttributeValue().withS("conn-1"),
                "origin", new AttributeValue().withS("us-west-2"));
        var record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventName(eventName);
        var change = new StreamRecord().withSequenceNumber("1");
        if (!eventName.equals("REMOVE")) {
            change.setNewImage(image);
        }
        record.setDynamodb(change);
        return record;
    }

    private static DynamodbEvent event(DynamodbEvent.DynamodbStreamRecord... records) {
        var event = new DynamodbEvent();
        event.setRecords(List.of(records));
        return event;
    }

    @Test
    void eachNewMessageBecomesOneEntryTaggedWithTheServingRegionAndItsOrigin() {
        var messages = StreamReader.messagesOf(event(record("INSERT", "a", "1700000000000")), "eu-west-2");

        assertThat(messages)
                .containsExactly(new ChatMessage("a", "1700000000000", "text a", "conn-1", "eu-west-2", "us-west-2"));
    }

    @Test
    void removalsAreSkippedAndDuplicatesDropped() {
        var messages = StreamReader.messagesOf(
                event(record("INSERT", "a", "1"), record("MODIFY", "a", "1"), record("REMOVE", "b", "2")), "eu-west-2");

        assertThat(messages).extracting(ChatMessage::id).containsExactly("a");
    }
}
