package dev.regionless.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code regionless lint}: a template's warnings without starting a region. */
class LintCommandTest {
    @TempDir
    Path folder;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    private int lint(String yaml) throws IOException {
        var template = Files.writeString(folder.resolve("template.yaml"), yaml);
        return Main.run(new PrintWriter(out), new PrintWriter(err), "lint", "--template", template.toString());
    }

    private static String function(String extra) {
        return """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Slow:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: example.Slow::handleRequest
                      Runtime: java21
                      CodeUri: slow.jar
                """ + extra.stripIndent().indent(6);
    }

    @Test
    void warningsArePrintedAndTheExitCodeIsZero() throws IOException {
        int code = lint(function("""
                Timeout: 60
                Events:
                  Get:
                    Type: HttpApi
                    Properties: {Path: /slow, Method: GET}
                  Nightly:
                    Type: Schedule
                    Properties:
                      Schedule: cron(0 2 * * ? *)
                """));

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString().lines())
                .containsExactly(
                        "warning: template.yaml:9: Resources.Slow.Properties.Timeout: Timeout 60 s is longer than the"
                                + " 30 s integration timeout of HTTP API ServerlessHttpApi (GET /slow): callers get 503"
                                + " Service Unavailable while the function runs on (expected: a Timeout of at most 30 s,"
                                + " or asynchronous work behind the API)",
                        "warning: template.yaml:3: Resources.Slow: is invoked asynchronously (events Nightly) and has no"
                                + " failure destination: an event that still fails after Lambda's retries is dropped"
                                + " (expected: EventInvokeConfig.DestinationConfig.OnFailure, DeadLetterQueue or an AWS::Lambda::EventInvokeConfig"
                                + " with an OnFailure destination)",
                        "template.yaml: 2 warnings");
    }

    @Test
    void aCleanTemplateSaysSo() throws IOException {
        int code = lint(function("Timeout: 10\n"));

        assertThat(code).isZero();
        assertThat(out.toString()).isEqualTo("template.yaml: no warnings" + System.lineSeparator());
    }

    @Test
    void aTemplateErrorIsPrintedAndTheExitCodeIsNotZero() throws IOException {
        int code = lint(function("""
                Events:
                  Nightly:
                    Type: Schedule
                    Properties: {Schedule: cron(0 12 * * * *)}
                """));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
                .isEqualTo("regionless: template.yaml:12: Resources.Slow.Properties.Events.Nightly.Properties.Schedule:"
                        + " cron(0 12 * * * *) (expected: day-of-month or day-of-week must be ? (one of them, not both))"
                        + System.lineSeparator());
    }

    @Test
    void aQueueThatHidesMessagesForLessThanSixFunctionTimeoutsIsWarnedAbout() throws IOException {
        int code = lint(function("""
                Timeout: 20
                Events:
                  Jobs:
                    Type: SQS
                    Properties: {Queue: !GetAtt Jobs.Arn}
                """) + """
                  Jobs:
                    Type: AWS::SQS::Queue
                    Properties: {VisibilityTimeout: 60}
                """);

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString().lines())
                .containsExactly(
                        "warning: template.yaml:11: Resources.Slow.Properties.Events.Jobs: queue Jobs has a"
                                + " VisibilityTimeout of 60 s, less than six times the 20 s Timeout of Slow: a message"
                                + " can reappear and be processed again while its batch is still running or being"
                                + " retried (expected: a VisibilityTimeout of at least 120 s)",
                        "template.yaml: 1 warning");
    }
}
