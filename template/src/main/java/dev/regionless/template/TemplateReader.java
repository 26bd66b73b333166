package dev.regionless.template;

import static java.util.Objects.requireNonNull;

import dev.regionless.template.internal.TemplateCompiler;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a SAM template for one region. Everything the template says is either honoured, reported as a warning in
 * {@link Application#warnings()} when ignoring it cannot change how the application behaves (IAM policies, tags,
 * tracing), or rejected with a {@link TemplateException} naming the file, line, property and what was expected.
 *
 * <pre>{@code
 * Application app = TemplateReader.read(Path.of("app/template.yaml"), TemplateContext.of("eu-west-2"));
 * }</pre>
 */
public final class TemplateReader {

    private TemplateReader() {}

    /**
     * Reads the UTF-8 file {@code templateFile}.
     *
     * @throws TemplateException if the file cannot be read or the template cannot be honoured
     */
    public static Application read(Path templateFile, TemplateContext context) {
        requireNonNull(templateFile, "templateFile");
        requireNonNull(context, "context");
        String yaml;
        try {
            yaml = Files.readString(templateFile, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new TemplateException(fileName(templateFile), 0, "", "is not UTF-8 text", e);
        } catch (IOException e) {
            throw new TemplateException(fileName(templateFile), 0, "", "cannot be read (" + e + ")", e);
        }
        return parse(yaml, templateFile, context);
    }

    /**
     * Reads {@code yaml} as if it were the content of {@code templateFile}, which names the template in messages and
     * is the base of relative {@code CodeUri}s; the file itself is not read.
     *
     * @throws TemplateException if the template cannot be honoured
     */
    public static Application parse(String yaml, Path templateFile, TemplateContext context) {
        requireNonNull(yaml, "yaml");
        requireNonNull(templateFile, "templateFile");
        requireNonNull(context, "context");
        return TemplateCompiler.compile(yaml, templateFile, context);
    }

    private static String fileName(Path file) {
        var name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }
}
