package dev.regionless.queues.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;

class QueryFormTest {
    @Test
    void flattenedParametersBecomeTheJsonRequestsShape() {
        var form = new LinkedHashMap<String, String>();
        form.put("Action", "SendMessageBatch");
        form.put("QueueUrl", "http://host/123456789012/q");
        form.put("SendMessageBatchRequestEntry.1.Id", "a");
        form.put("SendMessageBatchRequestEntry.1.MessageBody", "first");
        form.put("SendMessageBatchRequestEntry.1.MessageAttribute.1.Name", "kind");
        form.put("SendMessageBatchRequestEntry.1.MessageAttribute.1.Value.DataType", "String");
        form.put("SendMessageBatchRequestEntry.1.MessageAttribute.1.Value.StringValue", "x");
        form.put("SendMessageBatchRequestEntry.2.Id", "b");
        form.put("SendMessageBatchRequestEntry.2.MessageBody", "second");
        form.put("SendMessageBatchRequestEntry.10.Id", "j");
        form.put("Attribute.1.Name", "VisibilityTimeout");
        form.put("Attribute.1.Value", "60");
        form.put("AttributeName.1", "All");

        var json = QueryForm.toJson(form);

        assertThat(json.path("Action").isMissingNode()).isTrue();
        assertThat(json.path("Entries")).hasSize(3);
        assertThat(json.path("Entries")
                        .get(0)
                        .path("MessageAttributes")
                        .path("kind")
                        .path("StringValue")
                        .asText())
                .isEqualTo("x");
        assertThat(json.path("Entries").get(2).path("Id").asText()).isEqualTo("j");
        assertThat(json.path("Attributes").path("VisibilityTimeout").asText()).isEqualTo("60");
        assertThat(json.path("AttributeNames").get(0).asText()).isEqualTo("All");
    }

    @Test
    void sendMessageParametersKeepTheirValues() {
        var form = QueryForm.decode("Action=SendMessage&MessageBody=hello+%3Cxml%3E+%26+co&MessageAttribute.1.Name=kind"
                + "&MessageAttribute.1.Value.DataType=String&MessageAttribute.1.Value.StringValue=greeting");

        var json = QueryForm.toJson(form);

        assertThat(json.path("MessageBody").asText()).isEqualTo("hello <xml> & co");
        assertThat(json.path("MessageAttributes").path("kind").path("DataType").asText())
                .isEqualTo("String");
    }
}
