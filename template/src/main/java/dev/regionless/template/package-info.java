/**
 * Reads the SAM/CloudFormation subset of a {@code template.yaml} into a plain application model, resolved for one
 * region: tables, functions, their APIs and routes, with every intrinsic function and condition already evaluated.
 *
 * <p>{@link dev.regionless.template.TemplateReader} is the entry point; it either returns an
 * {@link dev.regionless.template.Application} or throws a {@link dev.regionless.template.TemplateException} that names
 * the file, line and property it cannot honour.
 */
package dev.regionless.template;
