package dev.regionless.events.topics.protocol;

import dev.regionless.common.AwsException;
import dev.regionless.common.ServiceRequest;
import dev.regionless.common.ServiceResponse;
import dev.regionless.events.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SNS on a region's service port. The AWS SDKs (Java v2 2.57.8 included) speak SNS's query protocol: a form post to
 * {@code /} with {@code Action} and {@code Version=2010-03-31}, answered in XML. A {@code GET} with the parameters in
 * the query string works too, which is what a notification's {@code UnsubscribeURL} is.
 */
public final class TopicsApi {
    private static final Logger LOG = LoggerFactory.getLogger(TopicsApi.class);

    private final Map<String, Function<SnsParams, String>> actions = new LinkedHashMap<>();

    public TopicsApi(Topics topics) {
        var topicActions = new TopicActions(topics);
        var subscriptions = new SubscriptionActions(topics);
        var publishing = new PublishActions(topics);
        actions.put("CreateTopic", topicActions::createTopic);
        actions.put("DeleteTopic", topicActions::deleteTopic);
        actions.put("ListTopics", topicActions::listTopics);
        actions.put("GetTopicAttributes", topicActions::getTopicAttributes);
        actions.put("SetTopicAttributes", topicActions::setTopicAttributes);
        actions.put("TagResource", topicActions::tagResource);
        actions.put("UntagResource", topicActions::untagResource);
        actions.put("ListTagsForResource", topicActions::listTagsForResource);
        actions.put("Subscribe", subscriptions::subscribe);
        actions.put("Unsubscribe", subscriptions::unsubscribe);
        actions.put("ListSubscriptions", subscriptions::listSubscriptions);
        actions.put("ListSubscriptionsByTopic", subscriptions::listSubscriptionsByTopic);
        actions.put("GetSubscriptionAttributes", subscriptions::getSubscriptionAttributes);
        actions.put("SetSubscriptionAttributes", subscriptions::setSubscriptionAttributes);
        actions.put("Publish", publishing::publish);
        actions.put("PublishBatch", publishing::publishBatch);
    }

    /**
     * True for SNS requests: a query-protocol request to {@code /} whose {@code Version} is SNS's (2010-03-31), or
     * whose {@code Action} only SNS has. SQS's query requests carry their own version and actions.
     */
    public static boolean accepts(ServiceRequest request) {
        if (request.header("X-Amz-Target") != null
                || !(request.path().isEmpty() || request.path().equals("/"))) {
            return false;
        }
        var parameters = parameters(request);
        var action = parameters.get("Action");
        if (action == null) {
            return false;
        }
        var version = parameters.get("Version");
        return version == null ? SnsActions.isSns(action) : version.equals("2010-03-31");
    }

    public ServiceResponse handle(ServiceRequest request) {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        var requestId = new java.util.UUID(random.nextLong(), random.nextLong()).toString();
        try {
            var parameters = parameters(request);
            var name = parameters.get("Action");
            var action = name == null ? null : actions.get(name);
            if (action == null) {
                throw new AwsException(
                        "InvalidAction",
                        400,
                        "The action " + name + " is not valid for this endpoint (expected: one of " + actions.keySet()
                                + ")");
            }
            var result = action.apply(new SnsParams(parameters));
            return new ServiceResponse(
                            200,
                            Map.of("Content-Type", "text/xml"),
                            SnsXml.response(name, result, requestId).getBytes(StandardCharsets.UTF_8))
                    .withHeader("x-amzn-RequestId", requestId);
        } catch (AwsException e) {
            return SnsErrors.render(e, requestId);
        } catch (RuntimeException e) {
            LOG.error("SNS request {} failed", requestId, e);
            return SnsErrors.render(
                    new AwsException("InternalError", 500, "Internal failure (request " + requestId + ")"), requestId);
        }
    }

    /** The form body's parameters (a form POST) and the query string's. */
    private static Map<String, String> parameters(ServiceRequest request) {
        var parameters = new LinkedHashMap<String, String>();
        if (isForm(request)) {
            parameters.putAll(SnsParams.decode(new String(request.body(), StandardCharsets.UTF_8)));
        }
        SnsParams.decode(Optional.ofNullable(request.rawQuery()).orElse("")).forEach(parameters::putIfAbsent);
        return parameters;
    }

    private static boolean isForm(ServiceRequest request) {
        var type = request.header("Content-Type");
        return "POST".equals(request.method())
                && type != null
                && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }
}
