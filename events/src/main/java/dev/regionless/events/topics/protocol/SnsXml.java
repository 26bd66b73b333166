package dev.regionless.events.topics.protocol;

import java.util.Map;

/**
 * Builds the inside of a query-protocol result in SNS's shapes: lists of {@code member}s, maps of {@code entry}s
 * with {@code key} and {@code value}, text escaped.
 */
final class SnsXml {
    static final String NAMESPACE = "http://sns.amazonaws.com/doc/2010-03-31/";

    private final StringBuilder xml = new StringBuilder(256);

    SnsXml element(String name, String text) {
        if (text != null) {
            xml.append('<')
                    .append(name)
                    .append('>')
                    .append(escape(text))
                    .append("</")
                    .append(name)
                    .append('>');
        }
        return this;
    }

    SnsXml open(String name) {
        xml.append('<').append(name).append('>');
        return this;
    }

    SnsXml close(String name) {
        xml.append("</").append(name).append('>');
        return this;
    }

    /** {@code <Name><entry><key>K</key><value>V</value></entry>...</Name>}. */
    SnsXml map(String name, Map<String, String> entries) {
        open(name);
        entries.forEach((key, value) ->
                open("entry").element("key", key).element("value", value).close("entry"));
        return close(name);
    }

    @Override
    public String toString() {
        return xml.toString();
    }

    static String response(String action, String result, String requestId) {
        var body = new StringBuilder(result.length() + 256);
        body.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<")
                .append(action)
                .append("Response xmlns=\"")
                .append(NAMESPACE)
                .append("\">");
        if (!result.isEmpty()) {
            body.append('<')
                    .append(action)
                    .append("Result>")
                    .append(result)
                    .append("</")
                    .append(action)
                    .append("Result>");
        }
        body.append("<ResponseMetadata><RequestId>")
                .append(requestId)
                .append("</RequestId></ResponseMetadata></")
                .append(action)
                .append("Response>");
        return body.toString();
    }

    static String error(String type, String code, String message, String requestId) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ErrorResponse xmlns=\"" + NAMESPACE + "\"><Error><Type>"
                + type + "</Type><Code>" + escape(code) + "</Code><Message>" + escape(message)
                + "</Message></Error><RequestId>" + requestId + "</RequestId></ErrorResponse>";
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
