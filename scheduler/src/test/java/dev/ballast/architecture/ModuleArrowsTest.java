package dev.ballast.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.ballast.collectors.archfixture.CollectorThatReachesIntoScheduler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The module arrows of DESIGN.md §1: collectors depend on nothing of ours; predictors and actuators only on
 * collectors; nothing on the scheduler; Timefold and Micronaut only in the scheduler; libvirt only in collectors and
 * actuators. The scheduler's test classpath holds every module, so this test sees them all.
 */
class ModuleArrowsTest {
    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.ballast");
    }

    static final ArchRule COLLECTORS_DEPEND_ON_NOTHING_OF_OURS = noClasses().that().resideInAPackage("dev.ballast.collectors..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.ballast.predictors..", "dev.ballast.actuators..", "dev.ballast.scheduler..");

    static final ArchRule PREDICTORS_ONLY_ON_COLLECTORS = noClasses().that().resideInAPackage("dev.ballast.predictors..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.ballast.actuators..", "dev.ballast.scheduler..");

    static final ArchRule ACTUATORS_ONLY_ON_COLLECTORS = noClasses().that().resideInAPackage("dev.ballast.actuators..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.ballast.predictors..", "dev.ballast.scheduler..");

    static final ArchRule TIMEFOLD_ONLY_IN_SCHEDULER = noClasses().that().resideOutsideOfPackage("dev.ballast.scheduler..")
            .should().dependOnClassesThat().resideInAPackage("ai.timefold..");

    static final ArchRule MICRONAUT_ONLY_IN_SCHEDULER = noClasses().that().resideOutsideOfPackage("dev.ballast.scheduler..")
            .should().dependOnClassesThat().resideInAPackage("io.micronaut..");

    static final ArchRule LIBVIRT_ONLY_IN_COLLECTORS_AND_ACTUATORS = noClasses().that()
            .resideOutsideOfPackages("dev.ballast.collectors..", "dev.ballast.actuators..")
            .should().dependOnClassesThat().resideInAPackage("org.libvirt..");

    @Test
    void collectorsDependOnNothingOfOurs() {
        COLLECTORS_DEPEND_ON_NOTHING_OF_OURS.check(production);
    }

    @Test
    void predictorsDependOnlyOnCollectors() {
        PREDICTORS_ONLY_ON_COLLECTORS.check(production);
    }

    @Test
    void actuatorsDependOnlyOnCollectors() {
        ACTUATORS_ONLY_ON_COLLECTORS.check(production);
    }

    @Test
    void timefoldOnlyInScheduler() {
        TIMEFOLD_ONLY_IN_SCHEDULER.check(production);
    }

    @Test
    void micronautOnlyInScheduler() {
        MICRONAUT_ONLY_IN_SCHEDULER.check(production);
    }

    @Test
    void libvirtOnlyInCollectorsAndActuators() {
        LIBVIRT_ONLY_IN_COLLECTORS_AND_ACTUATORS.check(production);
    }

    @Test
    void aBrokenArrowIsCaught() {
        JavaClasses broken = new ClassFileImporter().importClasses(CollectorThatReachesIntoScheduler.class);
        assertThatThrownBy(() -> COLLECTORS_DEPEND_ON_NOTHING_OF_OURS.check(broken))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("CollectorThatReachesIntoScheduler");
        assertThatThrownBy(() -> TIMEFOLD_ONLY_IN_SCHEDULER.check(broken))
                .isInstanceOf(AssertionError.class);
    }
}
