package dev.regionless.template.internal.resource;

import dev.regionless.template.internal.node.Location;
import dev.regionless.template.internal.node.Mapping;
import dev.regionless.template.internal.node.Node;
import java.util.Optional;

/**
 * One entry of the {@code Resources} section, before its properties are evaluated.
 *
 * @param logicalId its key under {@code Resources}
 * @param type its {@code Type}
 * @param properties its {@code Properties}, with the matching {@code Globals} section already merged in
 * @param condition the name of its {@code Condition}, if it has one
 * @param declaration the entry as written, for the locations of its attributes
 */
record ResourceEntry(
        String logicalId, String type, Mapping properties, Optional<String> condition, Mapping declaration) {

    /** Where the entry is: {@code Resources.LogicalId}. */
    Location location() {
        return declaration.location();
    }

    /** Where its {@code Type} is; type problems are reported there. */
    Location typeLocation() {
        return attributeLocation("Type");
    }

    /** Where its {@code Condition} is. */
    Location conditionLocation() {
        return attributeLocation("Condition");
    }

    Optional<Node> dependsOn() {
        return declaration.get("DependsOn");
    }

    private Location attributeLocation(String attribute) {
        return declaration.get(attribute).map(Node::location).orElse(location().child(attribute));
    }
}
