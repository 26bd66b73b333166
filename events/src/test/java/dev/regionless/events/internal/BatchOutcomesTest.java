package dev.regionless.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regionless.functions.InvocationResult;
import dev.regionless.tables.ChangeRecord;
import dev.regionless.tables.Item;
import java.nio.charset.StandardCharsets;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Lambda's reading of a stream function's partial batch response ({@code ReportBatchItemFailures}). */
class BatchOutcomesTest {
    private static final EventBatch BATCH = new EventBatch(
            LongStream.rangeClosed(11, 13)
                    .mapToObj(sequence -> new ChangeRecord(
                            sequence, ChangeRecord.EventName.INSERT, Item.empty(), null, null, 0, false, 0, "r"))
                    .toList(),
            new byte[0]);

    private static BatchOutcome answer(String response) {
        var result = new InvocationResult.Completed("req", response.getBytes(StandardCharsets.UTF_8), "");
        return BatchOutcomes.of(result, BATCH, true);
    }

    private static String failure(String identifierJson) {
        return "{\"batchItemFailures\":[{\"itemIdentifier\":" + identifierJson + "}]}";
    }

    @Test
    void emptyOrNullResponsesAndListsMeanTheWholeBatchSucceeded() {
        for (var response :
                new String[] {"", "null", "{}", "{\"batchItemFailures\":null}", "{\"batchItemFailures\":[]}", "\"ok\""
                }) {
            assertThat(answer(response)).as(response).isInstanceOf(BatchOutcome.Succeeded.class);
        }
    }

    @Test
    void theLowestReportedSequenceNumberIsWhereProcessingResumes() {
        var outcome = answer("{\"batchItemFailures\":[{\"itemIdentifier\":\"000000000000000000013\"},"
                + "{\"itemIdentifier\":\"12\"}]}");

        assertThat(outcome).isEqualTo(new BatchOutcome.ReportedFailure("req", 12));
    }

    @Test
    void anEmptyNullOrMisspelledItemIdentifierFailsTheWholeBatch() {
        assertThat(answer(failure("\"\""))).isInstanceOf(BatchOutcome.FunctionError.class);
        assertThat(answer(failure("null"))).isInstanceOf(BatchOutcome.FunctionError.class);
        assertThat(answer("{\"batchItemFailures\":[{\"itemId\":\"12\"}]}"))
                .isInstanceOf(BatchOutcome.FunctionError.class);
    }

    @Test
    void anIdentifierOfNoRecordOfTheBatchOrAResponseThatIsNotJsonFailsTheWholeBatch() {
        assertThat(answer(failure("\"99\""))).isInstanceOf(BatchOutcome.FunctionError.class);
        assertThat(answer("{not json")).isInstanceOf(BatchOutcome.FunctionError.class);
        assertThat(answer("{\"batchItemFailures\":\"12\"}")).isInstanceOf(BatchOutcome.FunctionError.class);
    }

    @Test
    void withoutReportBatchItemFailuresAnyResponseIsSuccess() {
        var result = new InvocationResult.Completed("req", failure("\"12\"").getBytes(StandardCharsets.UTF_8), "");

        assertThat(BatchOutcomes.of(result, BATCH, false)).isInstanceOf(BatchOutcome.Succeeded.class);
    }
}
