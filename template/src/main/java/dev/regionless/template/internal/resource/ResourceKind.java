package dev.regionless.template.internal.resource;

import dev.regionless.template.TemplateException;
import dev.regionless.template.internal.intrinsic.Resolver;
import dev.regionless.template.internal.node.Location;
import dev.regionless.template.internal.node.Node;
import java.util.Optional;

/** What Regionless does with one resource type. Implementations are stateless; state lives in {@link ReadContext}. */
interface ResourceKind {

    /** The value of {@code !Ref} on a resource of this type. */
    Node ref(ResourceEntry resource, Location usedAt, Resolver resolver);

    /** The value of {@code !GetAtt resource.attribute}; an error for an attribute the type does not have. */
    Node attribute(ResourceEntry resource, String attribute, Location usedAt, Resolver resolver);

    /** Checks the resource's properties and adds it to the application; called only if the resource exists. */
    void read(ResourceEntry resource, ReadContext context);

    /** The {@code Globals} section merged into resources of this type, such as {@code Function}. */
    default Optional<String> globalsSection() {
        return Optional.empty();
    }

    /** The error for an attribute this type does not have. */
    static TemplateException noSuchAttribute(
            ResourceEntry resource, String attribute, Location usedAt, String expected) {
        return usedAt.error("Fn::GetAtt: " + resource.type() + " " + resource.logicalId() + " has no attribute "
                + attribute + " (expected: " + expected + ")");
    }
}
