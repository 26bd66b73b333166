package dev.regionless.queues.protocol;

import dev.regionless.common.AwsException;
import dev.regionless.queues.QueueErrors;
import java.net.URI;

/**
 * Queue URLs: {@code http://SERVICE_HOST:PORT/ACCOUNT/NAME}, as SQS's are {@code https://sqs.REGION.amazonaws.com/
 * ACCOUNT/NAME}. Any URL whose path ends in this account and a queue name is accepted, so URLs keep working when
 * the host in them is another name for the same port.
 */
final class QueueUrls {
    private static final int MAX_REMEMBERED = 10_000;
    private final String base;
    private final String accountId;
    /** Valid URLs seen lately and their queue names; the answer depends on the URL alone. */
    private final java.util.Map<String, String> names = new java.util.concurrent.ConcurrentHashMap<>();

    QueueUrls(URI serviceEndpoint, String accountId) {
        var text = serviceEndpoint.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.accountId = accountId;
    }

    String url(String queueName) {
        return base + "/" + accountId + "/" + queueName;
    }

    /** The queue name in a URL, or {@code QueueDoesNotExist} for another account's, {@code InvalidAddress}. */
    String name(String url) {
        // Clients send the same few URLs over and over; parsing each as a URI cost a few per cent of a SendMessage.
        var known = names.get(url);
        if (known != null) {
            return known;
        }
        var name = parse(url);
        if (names.size() >= MAX_REMEMBERED) {
            names.clear();
        }
        names.put(url, name);
        return name;
    }

    private String parse(String url) {
        String path;
        try {
            path = url.contains("://") ? URI.create(url).getRawPath() : url;
        } catch (IllegalArgumentException e) {
            throw invalidAddress(url);
        }
        if (path == null) {
            throw invalidAddress(url);
        }
        var segments = path.startsWith("/") ? path.substring(1).split("/") : path.split("/");
        if (segments.length != 2 || segments[1].isEmpty()) {
            throw invalidAddress(url);
        }
        if (!segments[0].equals(accountId)) {
            throw QueueErrors.queueDoesNotExist(url);
        }
        return segments[1];
    }

    /** Whether a request path is a queue's ({@code /ACCOUNT/NAME}), where the query protocol may post. */
    static boolean isQueuePath(String path) {
        var segments = path.startsWith("/") ? path.substring(1).split("/") : new String[0];
        return segments.length == 2 && segments[0].matches("[0-9]{12}") && !segments[1].isEmpty();
    }

    private static AwsException invalidAddress(String url) {
        return new AwsException(
                "InvalidAddress",
                404,
                "The address " + url + " is not valid for this endpoint (expected: a queue URL "
                        + "such as http://HOST:PORT/ACCOUNT/QUEUE)");
    }
}
