package dev.regionless.template.internal.node;

import dev.regionless.template.TemplateException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Turns template text (YAML, or JSON, which is YAML) into a located {@link Node} tree. Only SnakeYAML's composer runs,
 * so tags never construct objects: CloudFormation's short forms ({@code !Ref}, {@code !Sub}, ...) and long forms
 * ({@code Ref:}, {@code Fn::Sub:}) both become {@link Intrinsic} nodes.
 */
public final class YamlLoader {

    private static final int MAX_DEPTH = 64;
    private static final Set<String> FUNCTIONS = Set.of(
            "And",
            "Base64",
            "Cidr",
            "Equals",
            "FindInMap",
            "ForEach",
            "GetAtt",
            "GetAZs",
            "If",
            "ImportValue",
            "Join",
            "Length",
            "Not",
            "Or",
            "Select",
            "Split",
            "Sub",
            "ToJsonString",
            "Transform");

    private final String file;
    private final Set<org.yaml.snakeyaml.nodes.Node> open = Collections.newSetFromMap(new IdentityHashMap<>());

    private YamlLoader(String file) {
        this.file = file;
    }

    /**
     * Loads the single document in {@code yaml}, which must be a mapping.
     *
     * @param file the file name used in locations
     */
    public static Mapping load(String yaml, String file) {
        var root = compose(looksLikeJson(yaml) ? yaml.replace('\t', ' ') : yaml, file);
        if (root == null) {
            throw Location.root(file).error("is empty (expected: a mapping with a Resources section)");
        }
        var node = new YamlLoader(file).convert(root, new Location(file, lineOf(root), ""));
        if (!(node instanceof Mapping mapping)) {
            throw node.location().error(node.display() + " (expected: a mapping with a Resources section)");
        }
        return mapping;
    }

    /**
     * JSON is YAML, except that YAML 1.1 forbids the tabs JSON allows between tokens. JSON strings cannot hold a raw
     * tab, so in a JSON document every tab is whitespace and can become a space without moving any line.
     */
    private static boolean looksLikeJson(String text) {
        return text.stripLeading().startsWith("{");
    }

    private static org.yaml.snakeyaml.nodes.Node compose(String yaml, String file) {
        var options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setProcessComments(false);
        try {
            var parser = new ParserImpl(new StreamReader(yaml), options);
            return new Composer(parser, new Resolver(), options).getSingleNode();
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            var problem = Objects.requireNonNullElse(e.getProblem(), "unreadable");
            if (problem.contains("<block end>") || problem.contains("mapping values are not allowed")) {
                problem += " (check the indentation)";
            }
            var line = mark == null ? 0 : mark.getLine() + 1;
            throw new TemplateException(file, line, "", "malformed YAML: " + problem, e);
        } catch (YAMLException e) {
            throw new TemplateException(file, 0, "", "malformed YAML: " + e.getMessage(), e);
        }
    }

    private Node convert(org.yaml.snakeyaml.nodes.Node node, Location location) {
        if (!open.add(node)) {
            throw location.error("a YAML alias refers to itself (expected: a finite tree)");
        }
        try {
            var tag = node.getTag().getValue();
            if (tag.startsWith("!")) {
                var function = functionOfTag(tag, location);
                return new Intrinsic(function, convertUntagged(node, location.child(function), true), location);
            }
            return convertUntagged(node, location, false);
        } finally {
            open.remove(node);
        }
    }

    private Node convertUntagged(org.yaml.snakeyaml.nodes.Node node, Location location, boolean tagged) {
        return switch (node) {
            case ScalarNode scalar -> scalar(scalar, location, tagged);
            case SequenceNode sequence -> sequence(sequence, location);
            case MappingNode mapping -> mapping(mapping, location);
            default -> throw location.error("unsupported YAML node " + node.getNodeId());
        };
    }

    private static Scalar scalar(ScalarNode node, Location location, boolean tagged) {
        var text = node.getValue();
        if (tagged) {
            return Scalar.string(text, location);
        }
        var tag = node.getTag();
        if (tag.equals(Tag.STR) || tag.equals(Tag.TIMESTAMP)) {
            return Scalar.string(text, location);
        } else if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
            return new Scalar(text, ScalarKind.NUMBER, location);
        } else if (tag.equals(Tag.BOOL)) {
            return Scalar.bool(Set.of("true", "yes", "on").contains(text.toLowerCase(Locale.ROOT)), location);
        } else if (tag.equals(Tag.NULL)) {
            return new Scalar("", ScalarKind.NULL, location);
        }
        throw location.error("YAML tag " + tag.getValue() + " is not supported (expected: plain values)");
    }

    private Sequence sequence(SequenceNode node, Location location) {
        var items = new ArrayList<Node>();
        for (var item : node.getValue()) {
            items.add(convert(item, location.item(items.size(), lineOf(item))));
        }
        return new Sequence(items, location);
    }

    private Node mapping(MappingNode node, Location location) {
        var entries = new LinkedHashMap<String, Node>();
        for (var tuple : node.getValue()) {
            var keyLocation = location.child("?", lineOf(tuple.getKeyNode()));
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)
                    || keyNode.getTag().getValue().startsWith("!")) {
                throw keyLocation.error("a mapping key must be plain text");
            }
            if (keyNode.getTag().equals(Tag.MERGE)) {
                throw keyLocation.error("YAML merge keys (<<) are not supported (expected: explicit properties)");
            }
            var key = keyNode.getValue();
            var childLocation = location.child(key, lineOf(keyNode));
            if (entries.containsKey(key)) {
                throw childLocation.error("duplicate key " + key);
            }
            entries.put(key, convert(tuple.getValueNode(), childLocation));
        }
        if (entries.size() == 1) {
            var entry = entries.entrySet().iterator().next();
            if (entry.getKey().equals("Ref") || entry.getKey().startsWith("Fn::")) {
                return new Intrinsic(entry.getKey(), entry.getValue(), location);
            }
        }
        return new Mapping(entries, location);
    }

    private static String functionOfTag(String tag, Location location) {
        var name = tag.substring(1);
        if (name.equals("Ref") || name.equals("Condition")) {
            return name;
        }
        if (FUNCTIONS.contains(name)) {
            return "Fn::" + name;
        }
        throw location.error(tag + " is not a CloudFormation intrinsic function (expected: !Ref, !GetAtt, !Sub, ...)");
    }

    private static int lineOf(org.yaml.snakeyaml.nodes.Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }
}
