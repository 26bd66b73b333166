package dev.regionless.events.topics.internal;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionless.common.Json;
import dev.regionless.events.topics.Subscription;
import java.net.URI;
import java.net.URLEncoder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * Renders a notice as each kind of subscriber receives it: the JSON envelope a queue gets ({@code Type},
 * {@code MessageId}, {@code TopicArn}, {@code Subject}, {@code Message}, {@code Timestamp}, {@code SignatureVersion},
 * {@code Signature}, {@code SigningCertURL}, {@code UnsubscribeURL}, {@code MessageAttributes}) and the
 * {@code SNSEvent} a function gets. Regionless holds no AWS signing key: {@code Signature} is a digest of the fields
 * SNS signs, not a verifiable signature, and the certificate URL names no certificate.
 */
public final class Notifications {
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

    private final URI serviceEndpoint;

    /** @param serviceEndpoint the region's service port, where {@code UnsubscribeURL} points */
    public Notifications(URI serviceEndpoint) {
        this.serviceEndpoint = serviceEndpoint;
    }

    /** The envelope a queue receives without raw message delivery. */
    public String envelope(Notice notice, Subscription subscription) {
        var node = Json.mapper().createObjectNode();
        node.put("Type", "Notification");
        node.put("MessageId", notice.messageId());
        if (notice.sequenceNumber() != null) {
            node.put("SequenceNumber", notice.sequenceNumber());
        }
        node.put("TopicArn", notice.topicArn());
        if (notice.subject() != null) {
            node.put("Subject", notice.subject());
        }
        node.put("Message", notice.message());
        node.put("Timestamp", timestamp(notice));
        node.put("SignatureVersion", "1");
        node.put("Signature", signature(notice));
        node.put("SigningCertURL", certificateUrl());
        node.put("UnsubscribeURL", unsubscribeUrl(subscription));
        if (!notice.attributes().isEmpty()) {
            node.set("MessageAttributes", attributes(notice));
        }
        return node.toString();
    }

    /** The {@code SNSEvent} a function receives: one record, as Lambda's SNS trigger sends it. */
    public byte[] lambdaEvent(Notice notice, Subscription subscription) {
        var sns = Json.mapper().createObjectNode();
        sns.put("Type", "Notification");
        sns.put("MessageId", notice.messageId());
        sns.put("TopicArn", notice.topicArn());
        sns.put("Subject", notice.subject());
        sns.put("Message", notice.message());
        sns.put("Timestamp", timestamp(notice));
        sns.put("SignatureVersion", "1");
        sns.put("Signature", signature(notice));
        sns.put("SigningCertUrl", certificateUrl());
        sns.put("UnsubscribeUrl", unsubscribeUrl(subscription));
        sns.set("MessageAttributes", attributes(notice));
        var record = Json.mapper().createObjectNode();
        record.put("EventSource", "aws:sns");
        record.put("EventVersion", "1.0");
        record.put("EventSubscriptionArn", subscription.arn());
        record.set("Sns", sns);
        var event = Json.mapper().createObjectNode();
        event.putArray("Records").add(record);
        return event.toString().getBytes(UTF_8);
    }

    private static ObjectNode attributes(Notice notice) {
        var result = Json.mapper().createObjectNode();
        notice.attributes().forEach((name, attribute) -> {
            var value = result.putObject(name);
            value.put("Type", attribute.dataType());
            value.put(
                    "Value",
                    attribute.isBinary()
                            ? Base64.getEncoder().encodeToString(attribute.binaryValue())
                            : attribute.stringValue());
        });
        return result;
    }

    private static String timestamp(Notice notice) {
        return TIMESTAMP.format(notice.timestamp().truncatedTo(ChronoUnit.MILLIS));
    }

    /** A digest of the string SNS signs for a notification; see the class comment. */
    private static String signature(Notice notice) {
        var signed = new StringBuilder();
        signed.append("Message\n").append(notice.message()).append('\n');
        signed.append("MessageId\n").append(notice.messageId()).append('\n');
        if (notice.subject() != null) {
            signed.append("Subject\n").append(notice.subject()).append('\n');
        }
        signed.append("Timestamp\n").append(timestamp(notice)).append('\n');
        signed.append("TopicArn\n").append(notice.topicArn()).append('\n');
        signed.append("Type\nNotification\n");
        try {
            var digest = MessageDigest.getInstance("SHA-256")
                    .digest(signed.toString().getBytes(UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private String certificateUrl() {
        return serviceEndpoint
                .resolve("/SimpleNotificationService-regionless.pem")
                .toString();
    }

    private String unsubscribeUrl(Subscription subscription) {
        return serviceEndpoint.resolve("/").toString() + "?Action=Unsubscribe&SubscriptionArn="
                + URLEncoder.encode(subscription.arn(), UTF_8);
    }
}
