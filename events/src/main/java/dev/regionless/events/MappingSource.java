package dev.regionless.events;

import static java.util.Objects.requireNonNull;

import dev.regionless.functions.FunctionErrors;
import dev.regionless.tables.streams.TableStream;
import java.util.regex.Pattern;

/**
 * What feeds an event source mapping, read from its {@code EventSourceArn}: a table's stream, or a queue. The
 * mapping machinery (the API, the template, persistence, the pollers' lifecycle) is shared; how records are read,
 * handed over and acknowledged differs per kind, so each kind has its own poller.
 */
public sealed interface MappingSource {

    /** {@code arn:aws:sqs:REGION:ACCOUNT:NAME}; a FIFO queue's name ends with {@code .fifo}. */
    Pattern QUEUE_ARN = Pattern.compile(
            "arn:aws[a-zA-Z-]*:sqs:([a-z0-9-]+):(\\d{12}):([A-Za-z0-9_-]{1,80}|" + "[A-Za-z0-9_-]{1,75}\\.fifo)");

    /**
     * A table's stream. A stream ARN stands for its table: the mapping follows the table's current stream, because
     * a template resolves {@code !GetAtt Table.StreamArn} before the stream exists and cannot know its label.
     */
    record Stream(String tableName) implements MappingSource {
        public Stream {
            requireNonNull(tableName, "tableName");
        }
    }

    /** A queue of the region, named by its ARN; Lambda polls it and deletes what the function processed. */
    record Queue(String arn, String region, String accountId, String queueName) implements MappingSource {
        public Queue {
            requireNonNull(arn, "arn");
            requireNonNull(region, "region");
            requireNonNull(accountId, "accountId");
            requireNonNull(queueName, "queueName");
        }

        /** FIFO queues keep order per message group; Lambda limits their batches to 10 and allows no window. */
        public boolean fifo() {
            return queueName.endsWith(".fifo");
        }
    }

    /**
     * The source an {@code EventSourceArn} names: a queue ARN, a DynamoDB stream ARN, or a table name.
     *
     * @throws dev.regionless.common.AwsException {@code InvalidParameterValueException} naming the value otherwise
     */
    static MappingSource of(String eventSourceArn) {
        requireNonNull(eventSourceArn, "eventSourceArn");
        if (eventSourceArn.startsWith("arn:") && eventSourceArn.contains(":sqs:")) {
            var matcher = QUEUE_ARN.matcher(eventSourceArn);
            if (!matcher.matches()) {
                throw FunctionErrors.invalidParameter("eventSourceArn: " + eventSourceArn
                        + " (expected: a queue ARN, arn:aws:sqs:<region>:<account>:<name>)");
            }
            return new Queue(eventSourceArn, matcher.group(1), matcher.group(2), matcher.group(3));
        }
        return new Stream(tableNameOf(eventSourceArn));
    }

    private static String tableNameOf(String source) {
        if (source.startsWith("arn:")) {
            return TableStream.tableNameIn(source)
                    .orElseThrow(() -> FunctionErrors.invalidParameter("eventSourceArn: " + source
                            + " (expected: a DynamoDB stream ARN, arn:aws:dynamodb:<region>:<account>:table/<name>"
                            + "/stream/<label>, a queue ARN, or a table name)"));
        }
        if (!Pattern.matches("[a-zA-Z0-9_.-]{3,255}", source)) {
            throw FunctionErrors.invalidParameter("eventSourceArn: '" + source
                    + "' (expected: a DynamoDB stream ARN or a table name of 3 to 255 letters, digits, '_', '-', '.')");
        }
        return source;
    }
}
