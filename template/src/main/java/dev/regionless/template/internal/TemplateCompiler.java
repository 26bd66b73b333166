package dev.regionless.template.internal;

import dev.regionless.template.Application;
import dev.regionless.template.TemplateContext;
import dev.regionless.template.internal.intrinsic.Conditions;
import dev.regionless.template.internal.intrinsic.Mappings;
import dev.regionless.template.internal.intrinsic.Parameters;
import dev.regionless.template.internal.intrinsic.Resolver;
import dev.regionless.template.internal.node.YamlLoader;
import dev.regionless.template.internal.resource.Globals;
import dev.regionless.template.internal.resource.ResourceDirectory;
import java.nio.file.Path;
import java.util.ArrayList;

/**
 * Reads a template in phases, each of which may stop with a {@link dev.regionless.template.TemplateException}:
 * YAML, sections, parameters, mappings, conditions, globals, resources, and finally the application for the region.
 */
public final class TemplateCompiler {

    private TemplateCompiler() {}

    public static Application compile(String yaml, Path templateFile, TemplateContext context) {
        var sections = TemplateSections.of(YamlLoader.load(yaml, fileNameOf(templateFile)));
        var warnings = new ArrayList<String>();
        sections.warn(warnings);
        var owner = sections.location();
        var parameters = Parameters.read(sections.get("Parameters"), context.parameterOverrides(), owner);
        var mappings = Mappings.read(sections.get("Mappings"), owner);
        var conditions = Conditions.read(sections.get("Conditions"), owner);
        var globals = Globals.read(sections.get("Globals"));
        var resources = ResourceDirectory.read(sections.resources(), globals, parameters, conditions);
        sections.checkTransform(resources.firstServerlessResource().or(globals::location));
        var resolver = new Resolver(context, parameters, mappings, conditions, resources);
        return resources.application(resolver, folderOf(templateFile), warnings);
    }

    private static String fileNameOf(Path templateFile) {
        var name = templateFile.getFileName();
        return name == null ? templateFile.toString() : name.toString();
    }

    private static Path folderOf(Path templateFile) {
        var absolute = templateFile.toAbsolutePath();
        return absolute.getParent() == null ? absolute : absolute.getParent();
    }
}
