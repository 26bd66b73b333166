package dev.regionless.functions.handler;

import dev.regionless.functions.loader.CodeLoadingException;

/**
 * A parsed handler string: {@code pkg.Class::method} or {@code pkg.Class}.
 *
 * @param className the fully qualified class name
 * @param methodName the method name, or {@code null} for the class-only form
 */
public record HandlerName(String className, String methodName) {

    public static HandlerName parse(String handler) {
        var trimmed = handler == null ? "" : handler.trim();
        int separator = trimmed.indexOf("::");
        var className = separator < 0 ? trimmed : trimmed.substring(0, separator);
        var methodName = separator < 0 ? null : trimmed.substring(separator + 2);
        if (className.isEmpty() || !isJavaName(className) || (methodName != null && !isIdentifier(methodName))) {
            throw new CodeLoadingException("Handler: '" + handler
                    + "' is not a valid handler (expected: package.Class::method or package.Class)");
        }
        return new HandlerName(className, methodName);
    }

    private static boolean isJavaName(String name) {
        for (var part : name.split("\\.", -1)) {
            if (!isIdentifier(part)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIdentifier(String s) {
        if (s.isEmpty() || !Character.isJavaIdentifierStart(s.charAt(0))) {
            return false;
        }
        return s.chars().skip(1).allMatch(Character::isJavaIdentifierPart);
    }
}
