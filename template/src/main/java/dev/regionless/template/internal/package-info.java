/**
 * The implementation behind {@link dev.regionless.template.TemplateReader}: it runs the phases of reading a template
 * in order — YAML, sections, parameters, conditions, globals, resources, APIs.
 *
 * <p>Sub-packages hold the located node tree ({@code node}), the intrinsic function evaluator ({@code intrinsic}) and
 * one reader per resource type ({@code resource}); nothing here is public API.
 */
package dev.regionless.template.internal;
