package dev.regionless.region;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules of the design that the compiler does not check: services reach each other only through public
 * interfaces, never through another module's implementation packages, and no service depends on the region.
 */
class ArchitectureTest {
    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.regionless");
    }

    @Test
    void theRulesSeeEveryModulesClasses() {
        for (var name : java.util.List.of(
                "dev.regionless.functions.engine.LocalFunctions",
                "dev.regionless.gateway.internal.GatewayPipeline",
                "dev.regionless.template.TemplateReader",
                "dev.regionless.events.internal.StreamPoller",
                "dev.regionless.events.topics.internal.Deliveries",
                "dev.regionless.replication.internal.TableLink",
                "dev.regionless.queues.engine.StoredQueues",
                "dev.regionless.region.RegionNode")) {
            org.assertj.core.api.Assertions.assertThat(classes.contain(name))
                    .as(name)
                    .isTrue();
        }
    }

    @Test
    void onlyTheFunctionsModuleReachesItsRuntimeInternals() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.regionless.functions..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.regionless.functions.engine..",
                        "dev.regionless.functions.loader..",
                        "dev.regionless.functions.handler..",
                        "dev.regionless.functions.sandbox..")
                .check(classes);
    }

    @Test
    void onlyTheGatewayReachesItsInternals() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.regionless.gateway..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.regionless.gateway.internal..")
                .check(classes);
    }

    @Test
    void onlyTheTemplateModuleReachesItsInternals() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.regionless.template..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.regionless.template.internal..")
                .check(classes);
    }

    @Test
    void onlyTheEventsModuleReachesItsInternals() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.regionless.events..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.regionless.events.internal..", "dev.regionless.events.topics.internal..")
                .check(classes);
    }

    @Test
    void onlyTheReplicationModuleReachesItsInternals() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.regionless.replication..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.regionless.replication.internal..")
                .check(classes);
    }

    @Test
    void onlyTheQueuesModuleReachesItsEngineAndStorage() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.regionless.queues..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.regionless.queues.engine..", "dev.regionless.queues.storage..")
                .check(classes);
    }

    @Test
    void queuesKnowNoOtherService() {
        noClasses()
                .that()
                .resideInAPackage("dev.regionless.queues..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.regionless.tables..",
                        "dev.regionless.functions..",
                        "dev.regionless.gateway..",
                        "dev.regionless.events..",
                        "dev.regionless.template..")
                .check(classes);
    }

    @Test
    void replicationUsesTheTablesPublicApiOnly() {
        noClasses()
                .that()
                .resideInAPackage("dev.regionless.replication..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.regionless.tables.engine..", "dev.regionless.tables.storage..")
                .check(classes);
    }

    @Test
    void tablesKnowNothingOfReplication() {
        noClasses()
                .that()
                .resideInAPackage("dev.regionless.tables..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.regionless.replication..")
                .check(classes);
    }

    @Test
    void servicesDoNotDependOnTheRegionThatAssemblesThem() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "dev.regionless.functions..",
                        "dev.regionless.tables..",
                        "dev.regionless.queues..",
                        "dev.regionless.events..",
                        "dev.regionless.gateway..",
                        "dev.regionless.template..",
                        "dev.regionless.replication..",
                        "dev.regionless.common..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.regionless.region..", "dev.regionless.cli..")
                .check(classes);
    }

    @Test
    void eventSourcesReachTheServicesTheyJoinOnlyThroughTheirPublicApis() {
        noClasses()
                .that()
                .resideInAPackage("dev.regionless.events..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.regionless.tables.engine..",
                        "dev.regionless.tables.storage..",
                        "dev.regionless.queues.engine..",
                        "dev.regionless.queues.storage..",
                        "dev.regionless.queues.protocol..",
                        "dev.regionless.gateway..",
                        "dev.regionless.template..")
                .check(classes);
    }

    @Test
    void theTemplateModelKnowsNothingOfTheServicesItDescribes() {
        noClasses()
                .that()
                .resideInAPackage("dev.regionless.template..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.regionless.functions..", "dev.regionless.gateway..", "dev.regionless.tables..")
                .check(classes);
    }
}
