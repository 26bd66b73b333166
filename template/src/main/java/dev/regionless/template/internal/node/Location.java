package dev.regionless.template.internal.node;

import dev.regionless.template.TemplateException;

/**
 * Where a node is: the template's file name, a 1-based line (0 when there is none), and a property path such as
 * {@code Resources.Hello.Properties.Runtime}.
 */
public record Location(String file, int line, String path) {

    /** The location of the template as a whole. */
    public static Location root(String file) {
        return new Location(file, 0, "");
    }

    /** The location of property {@code key} under this one, on {@code atLine}. */
    public Location child(String key, int atLine) {
        return new Location(file, atLine, path.isEmpty() ? key : path + "." + key);
    }

    /** The location of property {@code key} under this one, on this line. */
    public Location child(String key) {
        return child(key, line);
    }

    /** The location of list item {@code index} under this one, on {@code atLine}. */
    public Location item(int index, int atLine) {
        return new Location(file, atLine, path + "[" + index + "]");
    }

    /** An error at this location: {@code file:line: path: problem}. */
    public TemplateException error(String problem) {
        return new TemplateException(file, line, path, problem);
    }

    /** A warning line at this location: {@code file:line: path: problem}, shaped like an error message. */
    public String warning(String problem) {
        return this + ": " + problem;
    }

    /** {@code file:line: path}, leaving out a line of 0 and an empty path. */
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + (path.isEmpty() ? "" : ": " + path);
    }
}
