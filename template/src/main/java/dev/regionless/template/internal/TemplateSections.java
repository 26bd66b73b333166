package dev.regionless.template.internal;

import dev.regionless.template.internal.node.Location;
import dev.regionless.template.internal.node.Mapping;
import dev.regionless.template.internal.node.Node;
import dev.regionless.template.internal.node.Sequence;
import dev.regionless.template.internal.node.Values;
import java.util.List;
import java.util.Optional;

/** The top level of a template: which sections it has, its format version, and its transforms. */
final class TemplateSections {

    static final String SAM_TRANSFORM = "AWS::Serverless-2016-10-31";

    private static final List<String> SECTIONS = List.of(
            "AWSTemplateFormatVersion",
            "Description",
            "Metadata",
            "Parameters",
            "Rules",
            "Mappings",
            "Conditions",
            "Transform",
            "Globals",
            "Resources",
            "Outputs");

    private final Mapping root;

    private TemplateSections(Mapping root) {
        this.root = root;
    }

    static TemplateSections of(Mapping root) {
        root.entries().forEach((name, value) -> {
            if (!SECTIONS.contains(name)) {
                throw value.location()
                        .error("is not a template section (expected: one of " + String.join(", ", SECTIONS) + ")");
            }
        });
        root.get("AWSTemplateFormatVersion").ifPresent(version -> {
            if (!Values.string(version).equals("2010-09-09")) {
                throw Values.unexpected(version, "2010-09-09");
            }
        });
        return new TemplateSections(root);
    }

    Location location() {
        return root.location();
    }

    Optional<Node> get(String section) {
        return root.get(section);
    }

    Node resources() {
        return root.get("Resources")
                .orElseThrow(() ->
                        root.location().child("Resources").error("is missing (expected: a mapping of resources)"));
    }

    /** Warnings for sections that are read but have no effect. */
    void warn(List<String> warnings) {
        root.get("Rules")
                .ifPresent(rules ->
                        warnings.add(rules.location().warning("is ignored (parameter rules are not checked)")));
    }

    /**
     * Only the SAM transform is supported, and a template with SAM resources or Globals must declare it, as
     * CloudFormation requires.
     */
    void checkTransform(Optional<Location> firstSamFeature) {
        var transform = root.get("Transform");
        if (transform.isEmpty()) {
            firstSamFeature.ifPresent(location -> {
                throw location.error("needs Transform: " + SAM_TRANSFORM + " (expected: the SAM transform declared "
                        + "at the top of the template)");
            });
            return;
        }
        var names = transform.get() instanceof Sequence
                ? Values.strings(transform.get())
                : List.of(Values.string(transform.get()));
        for (var name : names) {
            if (!name.equals(SAM_TRANSFORM)) {
                throw transform.get().location().error(name + " is not supported (expected: " + SAM_TRANSFORM + ")");
            }
        }
    }
}
