/**
 * Evaluates CloudFormation's intrinsic functions, parameters, pseudo parameters, mappings and conditions for one
 * region, turning a node tree with calls into a plain one.
 *
 * <p>{@link dev.regionless.template.internal.intrinsic.Resolver} is the entry point; resources take part only through
 * {@link dev.regionless.template.internal.intrinsic.ResourceLookup}, so this package knows no resource type.
 */
package dev.regionless.template.internal.intrinsic;
