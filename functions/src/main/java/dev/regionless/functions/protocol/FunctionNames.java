package dev.regionless.functions.protocol;

import dev.regionless.functions.FunctionErrors;

/**
 * Reads the {@code FunctionName} forms Lambda accepts: a name, {@code name:qualifier}, a partial ARN
 * ({@code 123456789012:function:name}) or a full ARN. Only {@code $LATEST} exists here as a qualifier.
 */
public final class FunctionNames {
    private FunctionNames() {}

    /**
     * The plain function name in {@code raw} and its qualifier (from {@code raw} or else {@code qualifierParameter});
     * also used by the event source mappings' API, which takes the same forms.
     *
     * @throws dev.regionless.common.AwsException {@code InvalidParameterValueException} for text that is no name
     */
    public static Target parse(String raw, String qualifierParameter) {
        var value = raw;
        if (value.startsWith("arn:")) {
            var parts = value.split(":");
            if (parts.length < 7 || !parts[5].equals("function")) {
                throw FunctionErrors.invalidParameter("FunctionName: " + raw + " is not a function name or ARN");
            }
            value = String.join(":", java.util.Arrays.copyOfRange(parts, 6, parts.length));
        } else if (value.matches("\\d{12}:function:.+")) {
            value = value.substring(value.indexOf(":function:") + ":function:".length());
        }
        String qualifier = qualifierParameter;
        int colon = value.indexOf(':');
        if (colon >= 0) {
            qualifier = value.substring(colon + 1);
            value = value.substring(0, colon);
        }
        if (value.isEmpty() || value.length() > 140 || !value.matches("[a-zA-Z0-9_-]+")) {
            throw FunctionErrors.invalidParameter("1 validation error detected: Value '" + raw
                    + "' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression"
                    + " pattern: (arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?"
                    + "(function:)?([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?");
        }
        return new Target(value, qualifier);
    }

    /** A function name and its qualifier ({@code null} when none was given). */
    public record Target(String name, String qualifier) {
        public boolean isLatest() {
            return qualifier == null || qualifier.isEmpty() || qualifier.equals("$LATEST");
        }
    }
}
