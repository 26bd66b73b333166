package dev.regionless.template.internal.intrinsic;

import dev.regionless.template.TemplateContext;
import dev.regionless.template.internal.node.Location;
import dev.regionless.template.internal.node.Node;
import dev.regionless.template.internal.node.Scalar;
import dev.regionless.template.internal.node.Sequence;
import java.util.List;

/** CloudFormation's {@code AWS::*} pseudo parameters for one region; {@code AWS::NoValue} is handled by Ref itself. */
record PseudoParameters(TemplateContext context) {

    static final List<String> NAMES = List.of(
            "AWS::AccountId",
            "AWS::NoValue",
            "AWS::NotificationARNs",
            "AWS::Partition",
            "AWS::Region",
            "AWS::StackId",
            "AWS::StackName",
            "AWS::URLSuffix");

    Node value(String name, Location usedAt) {
        var text = switch (name) {
            case "AWS::Region" -> context.region();
            case "AWS::AccountId" -> context.accountId();
            case "AWS::StackName" -> context.stackName();
            case "AWS::Partition" -> "aws";
            case "AWS::URLSuffix" -> "amazonaws.com";
            case "AWS::StackId" -> stackId();
            case "AWS::NotificationARNs" -> null;
            default ->
                throw usedAt.error("Ref: " + name + " is not a pseudo parameter (expected: one of "
                        + String.join(", ", NAMES) + ")");
        };
        return text == null ? new Sequence(List.of(), usedAt) : Scalar.string(text, usedAt);
    }

    private String stackId() {
        var seed = context.region() + "/" + context.accountId() + "/" + context.stackName();
        return "arn:aws:cloudformation:" + context.region() + ":" + context.accountId() + ":stack/"
                + context.stackName() + "/" + StableIds.uuid(seed);
    }
}
