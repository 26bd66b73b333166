/**
 * The template as a tree of located nodes: every scalar, list, mapping and intrinsic function call knows its file,
 * line and property path, so that any later phase can report a problem exactly where it is.
 *
 * <p>{@link dev.regionless.template.internal.node.YamlLoader} builds the tree with SnakeYAML's composer only; no Java
 * object is ever constructed from YAML tags.
 */
package dev.regionless.template.internal.node;
