package dev.regionless.region.queues;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Queues declared in a template: created on deploy with their attributes, the dead-letter queue before the queue
 * that names it, and kept with their messages when the template is deployed again.
 */
class QueuesFromTemplateIT {
    static final String TEMPLATE = """
            Resources:
              Jobs:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: jobs
                  VisibilityTimeout: 20
                  RedrivePolicy:
                    deadLetterTargetArn: !GetAtt JobsDlq.Arn
                    maxReceiveCount: 2
              JobsDlq:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: jobs-dlq
                  MessageRetentionPeriod: 1209600
              Ordered:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: ordered.fifo
                  FifoQueue: true
                  ContentBasedDeduplication: true
            """;

    @TempDir
    static Path folder;

    static QueueRegion region;
    static Path template;

    @BeforeAll
    static void start() throws Exception {
        region = new QueueRegion(folder.resolve("data"));
        template = folder.resolve("app/template.yaml");
        Files.createDirectories(template.getParent());
        Files.writeString(template, TEMPLATE);
        region.regions.deploy(template, Map.of());
    }

    @AfterAll
    static void stop() {
        region.close();
    }

    @Test
    void templateQueuesExistWithTheirAttributesAndDeadLettersFlowToTheDeclaredQueue() {
        var jobs = region.sqs.getQueueUrl(b -> b.queueName("jobs")).queueUrl();
        var dlq = region.sqs.getQueueUrl(b -> b.queueName("jobs-dlq")).queueUrl();
        var attributes = region.sqs
                .getQueueAttributes(b -> b.queueUrl(jobs).attributeNames(QueueAttributeName.ALL))
                .attributesAsStrings();
        region.sqs.sendMessage(b -> b.queueUrl(jobs).messageBody("fails twice"));

        for (int i = 0; i < 2; i++) {
            region.sqs.receiveMessage(b -> b.queueUrl(jobs));
            region.advance(Duration.ofSeconds(21));
        }
        region.sqs.receiveMessage(b -> b.queueUrl(jobs));

        assertThat(attributes)
                .containsEntry("VisibilityTimeout", "20")
                .containsEntry(
                        "RedrivePolicy",
                        "{\"deadLetterTargetArn\":\"arn:aws:sqs:eu-west-2:123456789012:jobs-dlq\","
                                + "\"maxReceiveCount\":2}");
        assertThat(region.sqs
                        .receiveMessage(b -> b.queueUrl(dlq).maxNumberOfMessages(10))
                        .messages())
                .extracting(software.amazon.awssdk.services.sqs.model.Message::body)
                .contains("fails twice");
        assertThat(region.sqs
                        .getQueueAttributes(b -> b.queueUrl(region.sqs
                                        .getQueueUrl(q -> q.queueName("ordered.fifo"))
                                        .queueUrl())
                                .attributeNames(QueueAttributeName.FIFO_QUEUE))
                        .attributesAsStrings())
                .containsEntry("FifoQueue", "true");
    }

    @Test
    void redeployKeepsMessagesAndAppliesChangedAttributes() throws Exception {
        var ordered = region.sqs.getQueueUrl(b -> b.queueName("ordered.fifo")).queueUrl();
        region.sqs.sendMessage(b -> b.queueUrl(ordered).messageBody("kept").messageGroupId("g"));
        Files.writeString(template, TEMPLATE.replace("VisibilityTimeout: 20", "VisibilityTimeout: 90"));

        region.regions.deploy(template, Map.of());

        var jobs = region.sqs.getQueueUrl(b -> b.queueName("jobs")).queueUrl();
        assertThat(region.sqs
                        .getQueueAttributes(b -> b.queueUrl(jobs).attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT))
                        .attributesAsStrings())
                .containsEntry("VisibilityTimeout", "90");
        assertThat(region.regions.region(QueueRegion.REGION).queues().attributes("ordered.fifo"))
                .containsEntry("ApproximateNumberOfMessages", "1");
    }
}
