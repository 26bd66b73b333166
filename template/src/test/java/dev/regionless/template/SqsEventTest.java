package dev.regionless.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SqsEventTest {

    /** Function Hello with an SQS event {@code Jobs} with {@code properties} (from line 13), and queues Q and F. */
    private static String template(String properties) {
        return Templates.hello("""
                Events:
                  Jobs:
                    Type: SQS
                    Properties:
                """) + properties.stripIndent().indent(12) + """
                  Q:
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueName: jobs
                      VisibilityTimeout: 60
                  F:
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueName: ordered.fifo
                      FifoQueue: true
                """;
    }

    private static QueueEventSpec jobs(String properties) {
        var events = Templates.read(template(properties)).queueEvents();
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private static void assertRejected(String properties, String message) {
        assertThatThrownBy(() -> Templates.read(template(properties)))
                .isInstanceOf(TemplateException.class)
                .hasMessage(message);
    }

    @Test
    void getAttQueueArnNamesTheQueueWithLambdasDefaults() {
        var event = jobs("""
                Queue: !GetAtt Q.Arn
                """);

        assertThat(event.functionLogicalId()).isEqualTo("Hello");
        assertThat(event.functionName()).isEqualTo("Hello");
        assertThat(event.eventName()).isEqualTo("Jobs");
        assertThat(event.queueArn()).isEqualTo("arn:aws:sqs:eu-west-2:123456789012:jobs");
        assertThat(event.queueName()).isEqualTo("jobs");
        assertThat(event.batchSize()).isEqualTo(10);
        assertThat(event.batchingWindowSeconds()).isZero();
        assertThat(event.maximumConcurrency()).isZero();
        assertThat(event.reportBatchItemFailures()).isFalse();
        assertThat(event.enabled()).isTrue();
    }

    @Test
    void batchingScalingResponseTypesAndEnabledAreRead() {
        var event = jobs("""
                Queue: !GetAtt Q.Arn
                BatchSize: 500
                MaximumBatchingWindowInSeconds: 5
                ScalingConfig: {MaximumConcurrency: 20}
                FunctionResponseTypes: [ReportBatchItemFailures]
                Enabled: false
                """);

        assertThat(event.batchSize()).isEqualTo(500);
        assertThat(event.batchingWindowSeconds()).isEqualTo(5);
        assertThat(event.maximumConcurrency()).isEqualTo(20);
        assertThat(event.reportBatchItemFailures()).isTrue();
        assertThat(event.enabled()).isFalse();
    }

    @Test
    void aBatchOverTenWithoutABatchingWindowIsRejectedAsLambdaDoes() {
        assertRejected(
                """
                Queue: !GetAtt Q.Arn
                BatchSize: 100
                """,
                "template.yaml:14: Resources.Hello.Properties.Events.Jobs.Properties.BatchSize: 100 needs"
                        + " MaximumBatchingWindowInSeconds of at least 1 (expected: BatchSize of at most 10, or a"
                        + " batching window: Lambda requires one for batches over 10)");
    }

    @Test
    void aFifoQueueTakesAtMostTenMessagesAndNoWindow() {
        assertRejected(
                """
                Queue: !GetAtt F.Arn
                BatchSize: 11
                MaximumBatchingWindowInSeconds: 1
                """,
                "template.yaml:14: Resources.Hello.Properties.Events.Jobs.Properties.BatchSize: 11 (expected: 1..10"
                        + " for a FIFO queue)");
        assertRejected(
                """
                Queue: !GetAtt F.Arn
                MaximumBatchingWindowInSeconds: 1
                """,
                "template.yaml:14: Resources.Hello.Properties.Events.Jobs.Properties.MaximumBatchingWindowInSeconds: 1"
                        + " (expected: 0; batching windows are not supported for FIFO queues)");
    }

    @Test
    void maximumConcurrencyOutsideTwoToAThousandIsRejected() {
        assertRejected(
                """
                Queue: !GetAtt Q.Arn
                ScalingConfig: {MaximumConcurrency: 1}
                """,
                "template.yaml:14: Resources.Hello.Properties.Events.Jobs.Properties.ScalingConfig.MaximumConcurrency:"
                        + " 1 (expected: 2..1000)");
    }

    @Test
    void aQueueOfAnotherRegionOrNoQueueArnIsRejected() {
        assertRejected(
                """
                Queue: arn:aws:sqs:us-east-1:123456789012:jobs
                """,
                "template.yaml:13: Resources.Hello.Properties.Events.Jobs.Properties.Queue: is a queue in us-east-1"
                        + " (expected: a queue in eu-west-2, where the function runs, such as !GetAtt Queue.Arn)");
        assertRejected(
                """
                Queue: !Ref Q
                """,
                "template.yaml:13: Resources.Hello.Properties.Events.Jobs.Properties.Queue:"
                        + " https://sqs.eu-west-2.amazonaws.com/123456789012/jobs (expected: !GetAtt Queue.Arn, or a"
                        + " queue ARN such as arn:aws:sqs:REGION:ACCOUNT:NAME)");
    }

    @Test
    void filterPatternsAreReadAsWritten() {
        var event = jobs("""
                Queue: !GetAtt Q.Arn
                FilterCriteria:
                  Filters:
                    - Pattern: '{"body": {"kind": ["order"]}}'
                    - Pattern: '{"attributes": {"ApproximateReceiveCount": ["1"]}}'
                """);

        assertThat(event.filterPatterns())
                .containsExactly(
                        "{\"body\": {\"kind\": [\"order\"]}}",
                        "{\"attributes\": {\"ApproximateReceiveCount\": [\"1\"]}}");
    }

    @Test
    void aFilterPatternThatIsNotAJsonObjectIsRejected() {
        assertRejected(
                """
                Queue: !GetAtt Q.Arn
                FilterCriteria:
                  Filters:
                    - Pattern: 'kind = order'
                """,
                "template.yaml:16: Resources.Hello.Properties.Events.Jobs.Properties.FilterCriteria.Filters[0].Pattern:"
                        + " kind = order (expected: a JSON object, a filter pattern)");
    }
}
