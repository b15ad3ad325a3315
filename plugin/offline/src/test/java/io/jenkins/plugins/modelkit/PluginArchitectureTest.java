package io.jenkins.plugins.modelkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The plugin's layers: steps (controller) use the agent operations, the registry configuration and
 * the actions; agent code never reaches back into the steps or Jenkins' controller-side model, and
 * nothing prints to the JVM's console.
 */
class PluginArchitectureTest {
    private static final JavaClasses PLUGIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.jenkins.plugins.modelkit");

    @Test
    void shouldHaveNoCyclesBetweenPackages() {
        slices().matching("io.jenkins.plugins.modelkit.(*)..").should().beFreeOfCycles().check(PLUGIN);
    }

    @Test
    void agentCodeShouldNotDependOnStepsActionsOrTheController() {
        noClasses().that().resideInAPackage("..modelkit.agent..")
                .should().dependOnClassesThat().resideInAnyPackage("..modelkit.steps..", "..modelkit.actions..",
                        "..modelkit.registry..", "jenkins.model..", "hudson.model.Run", "com.cloudbees.plugins.credentials..")
                .check(PLUGIN);
    }

    @Test
    void shouldNeverPrintToTheConsole() {
        noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err").check(PLUGIN);
    }
}
