package dev.regionless.events.topics.protocol;

import dev.regionless.common.AwsException;
import dev.regionless.events.topics.Topic;
import dev.regionless.events.topics.Topics;
import java.util.Comparator;

/** CreateTopic, DeleteTopic, ListTopics, Get/SetTopicAttributes and the tag actions. */
final class TopicActions {
    private final Topics topics;

    TopicActions(Topics topics) {
        this.topics = topics;
    }

    String createTopic(SnsParams params) {
        var topic = topics.createTopic(params.required("Name"), params.map("Attributes"), params.tags("Tags"));
        return new SnsXml().element("TopicArn", topic.arn()).toString();
    }

    String deleteTopic(SnsParams params) {
        topics.deleteTopic(params.required("TopicArn"));
        return "";
    }

    String listTopics(SnsParams params) {
        var all = topics.topics().stream()
                .sorted(Comparator.comparing(Topic::arn))
                .toList();
        var page = Paging.page(all, Topic::arn, params.string("NextToken"));
        var xml = new SnsXml().open("Topics");
        page.items()
                .forEach(topic ->
                        xml.open("member").element("TopicArn", topic.arn()).close("member"));
        return xml.close("Topics").element("NextToken", page.nextToken()).toString();
    }

    String getTopicAttributes(SnsParams params) {
        return new SnsXml()
                .map("Attributes", topics.topicAttributes(params.required("TopicArn")))
                .toString();
    }

    String setTopicAttributes(SnsParams params) {
        topics.setTopicAttribute(
                params.required("TopicArn"), params.required("AttributeName"), params.string("AttributeValue"));
        return "";
    }

    String tagResource(SnsParams params) {
        topics.tagTopic(resource(params), params.tags("Tags"));
        return "";
    }

    String untagResource(SnsParams params) {
        topics.untagTopic(resource(params), params.list("TagKeys"));
        return "";
    }

    String listTagsForResource(SnsParams params) {
        var topic = topics.requireTopic(resource(params));
        var xml = new SnsXml().open("Tags");
        topic.tags()
                .forEach((key, value) -> xml.open("member")
                        .element("Key", key)
                        .element("Value", value)
                        .close("member"));
        return xml.close("Tags").toString();
    }

    /** The topic a tag action names: {@code ResourceNotFound} when there is none, as SNS answers there. */
    private String resource(SnsParams params) {
        var arn = params.required("ResourceArn");
        if (topics.topic(arn).isEmpty()) {
            throw new AwsException(
                    "ResourceNotFound", 404, "Resource does not exist: " + arn + " (expected: a topic ARN)");
        }
        return arn;
    }
}
