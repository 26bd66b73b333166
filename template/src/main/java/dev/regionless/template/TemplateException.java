package dev.regionless.template;

import static java.util.Objects.requireNonNull;

/**
 * A template that cannot be honoured: malformed YAML, a wrong or missing property, an unknown reference, a resource
 * type or option Regionless does not support. The message always has the shape
 * {@code template.yaml:12: Resources.Hello.Properties.Runtime: python3.12 is not supported (expected: java17, java21)}
 * — file, line, property path, then the value and what was expected — so it can be shown to a user as it is.
 */
public final class TemplateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String path;
    private final String problem;

    /**
     * @param file the template's file name, as shown to the user
     * @param line the 1-based line the problem is on, or 0 when it has none (a missing section, an override)
     * @param path the property path such as {@code Resources.Hello.Properties.Runtime}, or empty
     * @param problem the value received and what was expected
     */
    public TemplateException(String file, int line, String path, String problem) {
        this(file, line, path, problem, null);
    }

    /** As {@link #TemplateException(String, int, String, String)}, keeping the exception that revealed the problem. */
    public TemplateException(String file, int line, String path, String problem, Throwable cause) {
        super(format(file, line, path, problem), cause);
        this.file = requireNonNull(file, "file");
        this.line = line;
        this.path = requireNonNull(path, "path");
        this.problem = requireNonNull(problem, "problem");
    }

    /** The template's file name. */
    public String file() {
        return file;
    }

    /** The 1-based line of the offending property, or 0 when the problem has no single line. */
    public int line() {
        return line;
    }

    /** The property path, such as {@code Resources.Hello.Properties.Runtime}; empty for the template as a whole. */
    public String path() {
        return path;
    }

    /** The message without its file, line and path prefix. */
    public String problem() {
        return problem;
    }

    static String format(String file, int line, String path, String problem) {
        var message = new StringBuilder(file);
        if (line > 0) {
            message.append(':').append(line);
        }
        message.append(": ");
        if (!path.isEmpty()) {
            message.append(path).append(": ");
        }
        return message.append(problem).toString();
    }
}
