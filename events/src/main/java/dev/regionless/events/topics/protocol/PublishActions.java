package dev.regionless.events.topics.protocol;

import dev.regionless.events.topics.Publication;
import dev.regionless.events.topics.TopicErrors;
import dev.regionless.events.topics.Topics;
import dev.regionless.events.topics.internal.PublicationRules;
import dev.regionless.queues.BatchOutcome;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.regex.Pattern;

/** Publish and PublishBatch: at most ten entries, distinct ids, each entry accepted or refused on its own. */
final class PublishActions {
    private static final Pattern ENTRY_ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");
    private static final int MAX_ENTRIES = 10;

    private final Topics topics;

    PublishActions(Topics topics) {
        this.topics = topics;
    }

    String publish(SnsParams params) {
        var topicArn = params.string("TopicArn") != null ? params.string("TopicArn") : params.string("TargetArn");
        if (topicArn == null) {
            throw TopicErrors.invalidParameter(
                    "TopicArn or TargetArn",
                    params.string("PhoneNumber") != null ? "PhoneNumber " + params.string("PhoneNumber") : null,
                    "a topic ARN; Regionless does not send SMS or mobile push");
        }
        var result = topics.publish(topicArn, publication(params));
        return new SnsXml()
                .element("MessageId", result.messageId())
                .element("SequenceNumber", result.sequenceNumber())
                .toString();
    }

    String publishBatch(SnsParams params) {
        var topicArn = params.required("TopicArn");
        var entries = params.entries("PublishBatchRequestEntries");
        if (entries.isEmpty()) {
            throw TopicErrors.emptyBatch();
        }
        if (entries.size() > MAX_ENTRIES) {
            throw TopicErrors.tooManyEntries(entries.size());
        }
        var ids = new HashSet<String>();
        var publications = new ArrayList<Publication>();
        long size = 0;
        for (var entry : entries) {
            var id = entry.string("Id");
            if (id == null || !ENTRY_ID.matcher(id).matches()) {
                throw TopicErrors.invalidBatchEntryId(id);
            }
            if (!ids.add(id)) {
                throw TopicErrors.idsNotDistinct(id);
            }
            var publication = publication(entry);
            size += PublicationRules.size(publication);
            publications.add(publication);
        }
        var topic = topics.requireTopic(topicArn);
        if (size > topic.maximumMessageSize()) {
            throw TopicErrors.batchTooLong(size, topic.maximumMessageSize());
        }
        var outcomes = topics.publishBatch(topicArn, publications);
        var successful = new SnsXml().open("Successful");
        var failed = new SnsXml().open("Failed");
        for (int i = 0; i < outcomes.size(); i++) {
            var id = entries.get(i).string("Id");
            switch (outcomes.get(i)) {
                case BatchOutcome.Success<dev.regionless.events.topics.PublishResult> success ->
                    successful
                            .open("member")
                            .element("Id", id)
                            .element("MessageId", success.value().messageId())
                            .element("SequenceNumber", success.value().sequenceNumber())
                            .close("member");
                case BatchOutcome.Failure<dev.regionless.events.topics.PublishResult> failure ->
                    failed.open("member")
                            .element("Id", id)
                            .element("Code", failure.error().code())
                            .element("Message", failure.error().getMessage())
                            .element(
                                    "SenderFault",
                                    Boolean.toString(failure.error().isClientError()))
                            .close("member");
            }
        }
        return successful.close("Successful").toString() + failed.close("Failed");
    }

    private static Publication publication(SnsParams params) {
        return new Publication(
                params.string("Message"),
                params.string("Subject"),
                params.string("MessageStructure"),
                params.messageAttributes("MessageAttributes"),
                params.string("MessageGroupId"),
                params.string("MessageDeduplicationId"));
    }
}
