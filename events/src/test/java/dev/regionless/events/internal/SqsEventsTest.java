package dev.regionless.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.regionless.queues.MessageAttribute;
import dev.regionless.queues.ReceivedMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The events a queue's function receives, read back with Amazon's own serializer into {@code SQSEvent}. */
class SqsEventsTest {
    private static final String ARN = "arn:aws:sqs:eu-west-2:000000000000:jobs";

    private static ReceivedMessage message(String id, String body) {
        var system = new LinkedHashMap<String, String>();
        system.put("SenderId", "000000000000");
        system.put("SentTimestamp", "1772359200000");
        system.put("ApproximateReceiveCount", "2");
        system.put("ApproximateFirstReceiveTimestamp", "1772359201000");
        system.put("DeadLetterQueueSourceArn", "arn:aws:sqs:eu-west-2:000000000000:source");
        return new ReceivedMessage(
                id,
                "handle-" + id,
                body,
                "md5-" + id,
                Map.of("kind", MessageAttribute.string("greeting"), "blob", MessageAttribute.binary(new byte[] {1, 2})),
                "md5-attributes",
                system);
    }

    private static SQSEvent read(QueueBatch batch) {
        var serializer = LambdaEventSerializers.serializerFor(SQSEvent.class, SQSEvent.class.getClassLoader());
        return serializer.fromJson(new ByteArrayInputStream(batch.payload()));
    }

    @Test
    void anEventReadsIntoLambdasSqsEventWithEveryFieldOfEveryMessage() {
        var batch = new SqsEvents(ARN, "eu-west-2").batch(List.of(message("m-1", "hello"), message("m-2", "bye")));

        var event = read(batch);

        assertThat(event.getRecords()).extracting(SQSEvent.SQSMessage::getBody).containsExactly("hello", "bye");
        var first = event.getRecords().getFirst();
        assertThat(first.getMessageId()).isEqualTo("m-1");
        assertThat(first.getReceiptHandle()).isEqualTo("handle-m-1");
        assertThat(first.getMd5OfBody()).isEqualTo("md5-m-1");
        assertThat(first.getMd5OfMessageAttributes()).isEqualTo("md5-attributes");
        assertThat(first.getEventSource()).isEqualTo("aws:sqs");
        assertThat(first.getEventSourceArn()).isEqualTo(ARN);
        assertThat(first.getAwsRegion()).isEqualTo("eu-west-2");
        assertThat(first.getAttributes())
                .containsEntry("ApproximateReceiveCount", "2")
                .containsEntry("SentTimestamp", "1772359200000")
                .containsEntry("SenderId", "000000000000")
                .containsEntry("ApproximateFirstReceiveTimestamp", "1772359201000")
                .doesNotContainKey("DeadLetterQueueSourceArn");
        var kind = first.getMessageAttributes().get("kind");
        assertThat(kind.getDataType()).isEqualTo("String");
        assertThat(kind.getStringValue()).isEqualTo("greeting");
        var blob = first.getMessageAttributes().get("blob");
        assertThat(blob.getDataType()).isEqualTo("Binary");
        assertThat(blob.getBinaryValue().remaining()).isEqualTo(2);
    }

    @Test
    void aBatchIsCutWhereItsEventWouldPassThePayloadLimitAndTheRestOverflows() {
        var big = "x".repeat(600);
        var events = new SqsEvents(ARN, "eu-west-2", 2_000);

        var batch = events.batch(List.of(message("m-1", big), message("m-2", big), message("m-3", big)));

        assertThat(batch.messages()).extracting(ReceivedMessage::messageId).containsExactly("m-1");
        assertThat(batch.overflow()).extracting(ReceivedMessage::messageId).containsExactly("m-2", "m-3");
        assertThat(batch.payload().length).isLessThanOrEqualTo(2_000);
        assertThat(new String(batch.payload(), StandardCharsets.UTF_8)).startsWith("{\"Records\":[");
    }
}
