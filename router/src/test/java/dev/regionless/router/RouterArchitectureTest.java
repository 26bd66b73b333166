package dev.regionless.router;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The router knows regions only by address and health: none of its code reaches into the services a region runs,
 * and its decisions (the engine) know nothing of the network.
 */
class RouterArchitectureTest {
    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.regionless.router");
    }

    @Test
    void theRouterDependsOnNoRegionOrServiceCode() {
        noClasses()
                .that()
                .resideInAPackage("dev.regionless.router..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.regionless.region..",
                        "dev.regionless.gateway..",
                        "dev.regionless.functions..",
                        "dev.regionless.tables..",
                        "dev.regionless.replication..",
                        "dev.regionless.events..",
                        "dev.regionless.template..",
                        "dev.regionless.cli..")
                .check(classes);
    }

    @Test
    void theRoutingEngineKnowsNothingOfTheNetwork() {
        noClasses()
                .that()
                .resideInAPackage("dev.regionless.router.engine..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.vertx..", "io.netty..", "org.xbill..", "dev.regionless.router.internal..")
                .check(classes);
    }
}
