package dev.regionless.queues.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Renders an action's result, built in the JSON protocol's shape, as the query protocol's XML: lists become
 * repeated elements named as SQS names them, maps become repeated name-value elements.
 */
final class XmlResponses {
    static final String NAMESPACE = "http://queue.amazonaws.com/doc/2012-11-05/";

    /** JSON list member to the element each entry becomes. */
    private static final Map<String, String> LISTS = Map.of(
            "QueueUrls", "QueueUrl",
            "queueUrls", "QueueUrl",
            "Messages", "Message",
            "Failed", "BatchResultErrorEntry",
            "Results", "ListMessageMoveTasksResultEntry");

    private XmlResponses() {}

    static String result(String action, ObjectNode result, String requestId) {
        var xml = new StringBuilder(256);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<")
                .append(action)
                .append("Response xmlns=\"")
                .append(NAMESPACE)
                .append("\">");
        if (!result.isEmpty()) {
            xml.append('<').append(action).append("Result>");
            members(xml, action, result);
            xml.append("</").append(action).append("Result>");
        }
        xml.append("<ResponseMetadata><RequestId>")
                .append(requestId)
                .append("</RequestId></ResponseMetadata></")
                .append(action)
                .append("Response>");
        return xml.toString();
    }

    static String error(String type, String code, String message, String requestId) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ErrorResponse xmlns=\"" + NAMESPACE + "\"><Error><Type>"
                + type + "</Type><Code>" + escape(code) + "</Code><Message>" + escape(message)
                + "</Message><Detail/></Error><RequestId>" + requestId + "</RequestId></ErrorResponse>";
    }

    private static void members(StringBuilder xml, String action, JsonNode object) {
        object.properties().forEach(entry -> member(xml, action, entry.getKey(), entry.getValue()));
    }

    private static void member(StringBuilder xml, String action, String name, JsonNode value) {
        if (value.isArray()) {
            var element = name.equals("Successful") ? action + "ResultEntry" : LISTS.getOrDefault(name, name);
            value.forEach(item -> element(xml, action, element, item));
        } else if (name.equals("Attributes")) {
            value.properties()
                    .forEach(e -> xml.append("<Attribute><Name>")
                            .append(escape(e.getKey()))
                            .append("</Name><Value>")
                            .append(escape(e.getValue().asText()))
                            .append("</Value></Attribute>"));
        } else if (name.equals("Tags")) {
            value.properties()
                    .forEach(e -> xml.append("<Tag><Key>")
                            .append(escape(e.getKey()))
                            .append("</Key><Value>")
                            .append(escape(e.getValue().asText()))
                            .append("</Value></Tag>"));
        } else if (name.equals("MessageAttributes")) {
            value.properties().forEach(e -> {
                xml.append("<MessageAttribute><Name>")
                        .append(escape(e.getKey()))
                        .append("</Name><Value>");
                members(xml, action, e.getValue());
                xml.append("</Value></MessageAttribute>");
            });
        } else {
            element(xml, action, name, value);
        }
    }

    private static void element(StringBuilder xml, String action, String name, JsonNode value) {
        xml.append('<').append(name).append('>');
        if (value.isObject()) {
            members(xml, action, value);
        } else {
            xml.append(escape(value.asText()));
        }
        xml.append("</").append(name).append('>');
    }

    static String escape(String text) {
        var out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\r' -> out.append("&#xD;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
