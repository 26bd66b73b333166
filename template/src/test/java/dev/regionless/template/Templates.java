package dev.regionless.template;

import java.nio.file.Path;

/** Reads inline test templates as {@code /app/template.yaml} in eu-west-2. */
final class Templates {

    static final Path FILE = Path.of("/app/template.yaml");

    private Templates() {}

    static Application read(String yaml) {
        return read(yaml, TemplateContext.of("eu-west-2"));
    }

    static Application read(String yaml, TemplateContext context) {
        return TemplateReader.parse(yaml, FILE, context);
    }

    /**
     * A SAM template with one function, {@code Hello}, and {@code extra} added to its properties; the first extra
     * line is line 9 of the template.
     */
    static String hello(String extra) {
        return """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Hello:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: example.Hello::handleRequest
                      Runtime: java21
                      CodeUri: hello
                """ + extra.stripIndent().indent(6);
    }

    static FunctionSpec helloFunction(String extra) {
        return read(hello(extra)).function("Hello").orElseThrow();
    }
}
