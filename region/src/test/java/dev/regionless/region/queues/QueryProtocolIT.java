package dev.regionless.region.queues;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The older query protocol (form-encoded {@code Action=...}, XML answers), as older SDKs and the AWS CLI v1 send it:
 * the same queues, the same messages, and SQS's query error codes.
 */
class QueryProtocolIT {
    @TempDir
    static Path folder;

    static QueueRegion region;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        region = new QueueRegion(folder.resolve("data"));
    }

    @AfterAll
    static void stop() {
        region.close();
    }

    @Test
    void queueCreatedSentReceivedAndDeletedThroughTheQueryProtocol() throws Exception {
        var created = post(
                "/",
                form(
                        "Action",
                        "CreateQueue",
                        "QueueName",
                        "legacy",
                        "Attribute.1.Name",
                        "VisibilityTimeout",
                        "Attribute.1.Value",
                        "60"));
        var url = element(created.body(), "QueueUrl");

        var sent = post(
                path(url),
                form(
                        "Action",
                        "SendMessage",
                        "MessageBody",
                        "hello <xml> & co",
                        "MessageAttribute.1.Name",
                        "kind",
                        "MessageAttribute.1.Value.DataType",
                        "String",
                        "MessageAttribute.1.Value.StringValue",
                        "greeting"));
        var received = post(
                "/",
                form(
                        "Action",
                        "ReceiveMessage",
                        "QueueUrl",
                        url,
                        "AttributeName.1",
                        "All",
                        "MessageAttributeName.1",
                        "All"));
        var handle = element(received.body(), "ReceiptHandle");
        var deleted = post(path(url), form("Action", "DeleteMessage", "ReceiptHandle", handle));
        var attributes = region.sqs
                .getQueueAttributes(b -> b.queueUrl(url).attributeNamesWithStrings("All"))
                .attributesAsStrings();

        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(url).endsWith("/123456789012/legacy");
        assertThat(sent.body()).contains("<SendMessageResponse").contains("<MD5OfMessageBody>");
        assertThat(element(received.body(), "Body")).isEqualTo("hello &lt;xml&gt; &amp; co");
        assertThat(received.body())
                .contains("<Name>ApproximateReceiveCount</Name><Value>1</Value>")
                .contains("<MessageAttribute><Name>kind</Name><Value><StringValue>greeting</StringValue>"
                        + "<DataType>String</DataType></Value></MessageAttribute>");
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(attributes)
                .containsEntry("VisibilityTimeout", "60")
                .containsEntry("ApproximateNumberOfMessagesNotVisible", "0");
    }

    @Test
    void queryErrorsCarrySqsQueryCodes() throws Exception {
        var missing = post("/", form("Action", "GetQueueUrl", "QueueName", "nowhere"));
        var unknown = post(
                "/",
                form(
                        "Action",
                        "SendMessage",
                        "QueueUrl",
                        region.service() + "/123456789012/nowhere",
                        "MessageBody",
                        "x"));

        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(element(missing.body(), "Code")).isEqualTo("AWS.SimpleQueueService.NonExistentQueue");
        assertThat(element(unknown.body(), "Type")).isEqualTo("Sender");
    }

    @Test
    void listQueuesAnswersEveryUrl() throws Exception {
        region.create("listed-by-query", Map.of());

        var listed = post("/", form("Action", "ListQueues", "QueueNamePrefix", "listed-by"));

        assertThat(element(listed.body(), "QueueUrl")).endsWith("/listed-by-query");
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(region.service() + path))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String path(String url) {
        return URI.create(url).getPath();
    }

    private static String form(String... pairs) {
        var map = new LinkedHashMap<String, String>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        map.put("Version", "2012-11-05");
        return map.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String element(String xml, String name) {
        var matcher = Pattern.compile("<" + name + ">(.*?)</" + name + ">", Pattern.DOTALL)
                .matcher(xml);
        assertThat(matcher.find()).as(name + " in " + xml).isTrue();
        return matcher.group(1);
    }
}
