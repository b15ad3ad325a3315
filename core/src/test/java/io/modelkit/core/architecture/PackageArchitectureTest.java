package io.modelkit.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The package design, checked: the core never prints and never depends on a front-end, and the
 * capability packages depend on each other only in one direction.
 */
class PackageArchitectureTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.modelkit.core");

    @Test
    void shouldNeverPrint() {
        noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .because("the core reports through ProgressListener and exceptions; front-ends decide what to print")
                .check(CORE);
    }

    @Test
    void shouldNotKnowItsFrontEnds() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("picocli..", "hudson..", "jenkins..", "io.modelkit.cli..")
                .check(CORE);
    }

    @Test
    void shouldHaveNoCyclesBetweenCapabilities() {
        slices().matching("io.modelkit.core.(*)..").should().beFreeOfCycles().check(CORE);
    }

    @Test
    void shouldKeepTheValuePackagesAtTheBottom() {
        noClasses().that().resideInAnyPackage("io.modelkit.core.oci..", "io.modelkit.core.json..", "io.modelkit.core.kitfile..")
                .should().dependOnClassesThat().resideInAnyPackage("io.modelkit.core.pack..", "io.modelkit.core.unpack..",
                        "io.modelkit.core.store..", "io.modelkit.core.inspect..", "io.modelkit.core.transfer..")
                .check(CORE);
        noClasses().that().resideInAnyPackage("io.modelkit.core.store..")
                .should().dependOnClassesThat().resideInAnyPackage("io.modelkit.core.pack..", "io.modelkit.core.unpack..",
                        "io.modelkit.core.inspect..", "io.modelkit.core.transfer..", "io.modelkit.core.kitfile..")
                .check(CORE);
    }
}
