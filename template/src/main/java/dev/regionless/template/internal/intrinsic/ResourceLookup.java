package dev.regionless.template.internal.intrinsic;

import dev.regionless.template.internal.node.Location;
import dev.regionless.template.internal.node.Node;

/** What {@code Ref} and {@code Fn::GetAtt} need to know about the template's resources. */
public interface ResourceLookup {

    /** Whether the template declares {@code logicalId}, whatever its condition. */
    boolean declares(String logicalId);

    /** The value of {@code !Ref logicalId}, used at {@code usedAt}. */
    Node ref(String logicalId, Location usedAt, Resolver resolver);

    /** The value of {@code !GetAtt logicalId.attribute}, used at {@code usedAt}. */
    Node attribute(String logicalId, String attribute, Location usedAt, Resolver resolver);
}
