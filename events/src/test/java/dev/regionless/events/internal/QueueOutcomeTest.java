package dev.regionless.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regionless.functions.InvocationResult;
import dev.regionless.queues.ReceivedMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which messages of a queue batch Lambda deletes after each kind of answer. */
class QueueOutcomeTest {
    private static ReceivedMessage message(String id, String group) {
        var system = group == null ? Map.<String, String>of() : Map.of("MessageGroupId", group);
        return new ReceivedMessage(id, "handle-" + id, id, "md5", Map.of(), null, system);
    }

    private static final QueueBatch BATCH =
            new QueueBatch(List.of(message("a", null), message("b", null), message("c", null)), List.of(), new byte[0]);

    private static InvocationResult answer(String response) {
        return new InvocationResult.Completed("req", response.getBytes(StandardCharsets.UTF_8), "");
    }

    private static List<String> deleted(QueueOutcome outcome, QueueBatch batch, boolean fifo) {
        return outcome.toDelete(batch, fifo).stream()
                .map(ReceivedMessage::messageId)
                .toList();
    }

    @Test
    void aSuccessDeletesTheWholeBatchAndAFunctionErrorNothing() {
        var error = new InvocationResult.Failed("req", "{}".getBytes(StandardCharsets.UTF_8), "", false);
        var throttled = new InvocationResult.Throttled("req", "ReservedFunctionConcurrentInvocationLimitExceeded");

        assertThat(deleted(QueueOutcome.of(answer("null"), BATCH, true), BATCH, false))
                .containsExactly("a", "b", "c");
        assertThat(deleted(QueueOutcome.of(error, BATCH, true), BATCH, false)).isEmpty();
        assertThat(deleted(QueueOutcome.of(throttled, BATCH, true), BATCH, false))
                .isEmpty();
    }

    @Test
    void aPartialBatchResponseKeepsOnlyTheReportedMessages() {
        var outcome = QueueOutcome.of(answer("{\"batchItemFailures\":[{\"itemIdentifier\":\"b\"}]}"), BATCH, true);

        assertThat(outcome.partial()).isTrue();
        assertThat(deleted(outcome, BATCH, false)).containsExactly("a", "c");
    }

    @Test
    void anEmptyOrUnknownItemIdentifierFailsTheWholeBatch() {
        var empty = QueueOutcome.of(answer("{\"batchItemFailures\":[{\"itemIdentifier\":\"\"}]}"), BATCH, true);
        var unknown = QueueOutcome.of(answer("{\"batchItemFailures\":[{\"itemIdentifier\":\"z\"}]}"), BATCH, true);

        assertThat(empty.outcome()).isInstanceOf(BatchOutcome.FunctionError.class);
        assertThat(unknown.outcome()).isInstanceOf(BatchOutcome.FunctionError.class);
        assertThat(deleted(empty, BATCH, false)).isEmpty();
        assertThat(deleted(unknown, BATCH, false)).isEmpty();
    }

    @Test
    void withoutReportBatchItemFailuresAResponseIsIgnored() {
        var outcome = QueueOutcome.of(answer("{\"batchItemFailures\":[{\"itemIdentifier\":\"b\"}]}"), BATCH, false);

        assertThat(deleted(outcome, BATCH, false)).containsExactly("a", "b", "c");
    }

    @Test
    void inAFifoQueueNothingOfAGroupAfterItsFirstFailureIsDeleted() {
        var batch = new QueueBatch(
                List.of(message("a1", "a"), message("a2", "a"), message("b1", "b"), message("a3", "a")),
                List.of(),
                new byte[0]);
        var outcome = QueueOutcome.of(answer("{\"batchItemFailures\":[{\"itemIdentifier\":\"a2\"}]}"), batch, true);

        assertThat(deleted(outcome, batch, true)).containsExactly("a1", "b1");
        assertThat(deleted(outcome, batch, false)).containsExactly("a1", "b1", "a3");
    }
}
