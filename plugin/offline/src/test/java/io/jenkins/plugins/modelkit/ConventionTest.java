package io.jenkins.plugins.modelkit;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.Extension;
import io.jenkins.plugins.modelkit.registry.ModelKitGlobalConfiguration;
import io.jenkins.plugins.modelkit.registry.RegistryEntry;
import io.jenkins.plugins.modelkit.steps.AttestStep;
import io.jenkins.plugins.modelkit.steps.BomStep;
import io.jenkins.plugins.modelkit.steps.ContainerizeStep;
import io.jenkins.plugins.modelkit.steps.DiffStep;
import io.jenkins.plugins.modelkit.steps.GateStep;
import io.jenkins.plugins.modelkit.steps.InspectStep;
import io.jenkins.plugins.modelkit.steps.PackStep;
import io.jenkins.plugins.modelkit.steps.PromoteStep;
import io.jenkins.plugins.modelkit.steps.PullStep;
import io.jenkins.plugins.modelkit.steps.PushStep;
import io.jenkins.plugins.modelkit.steps.UnpackStep;
import io.jenkins.plugins.modelkit.steps.VerifyStep;
import io.jenkins.plugins.modelkit.steps.WithModelKitRegistryStep;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * What Jenkins expects of a plugin, checked without Jenkins: data-bound steps with getters, an
 * {@code @Extension} descriptor with a unique function name, a form and help for every field,
 * well-formed Jelly that escapes by default, and no Messages key left unused.
 */
class ConventionTest {
    private static final Path MAIN = Path.of("..", "src", "main");
    private static final Path RESOURCES = MAIN.resolve("resources");

    static List<Class<? extends Step>> steps() {
        return List.of(PackStep.class, PushStep.class, PullStep.class, UnpackStep.class, InspectStep.class,
                WithModelKitRegistryStep.class, AttestStep.class, VerifyStep.class, BomStep.class,
                DiffStep.class, GateStep.class, PromoteStep.class, ContainerizeStep.class);
    }

    /** Every data-bound class with a form: the steps, and the global configuration's entries. */
    static List<Class<?>> configurables() {
        List<Class<?>> all = new ArrayList<>(steps());
        all.add(RegistryEntry.class);
        all.add(ModelKitGlobalConfiguration.class);
        return all;
    }

    @ParameterizedTest
    @MethodSource("steps")
    void everyStepHasADataBoundConstructorAndAnExtensionDescriptor(Class<? extends Step> step) throws Exception {
        assertThat(Modifier.isPublic(step.getModifiers())).isTrue();
        assertThat(dataBoundConstructor(step)).as(step + " has one public @DataBoundConstructor").isNotNull();
        Class<?> descriptor = Class.forName(step.getName() + "$DescriptorImpl");
        assertThat(StepDescriptor.class).isAssignableFrom(descriptor);
        assertThat(descriptor.isAnnotationPresent(Extension.class)).as(descriptor + " is an @Extension").isTrue();
        StepDescriptor instance = (StepDescriptor) descriptor.getDeclaredConstructor().newInstance();
        assertThat(instance.getFunctionName()).startsWith(step == WithModelKitRegistryStep.class ? "with" : "modelkit");
        assertThat(instance.getDisplayName()).isNotBlank().isNotEqualTo(step.getSimpleName());
    }

    @Test
    void functionNamesAreUnique() throws Exception {
        Set<String> names = new HashSet<>();
        for (Class<? extends Step> step : steps()) {
            StepDescriptor descriptor = (StepDescriptor) Class.forName(step.getName() + "$DescriptorImpl")
                    .getDeclaredConstructor().newInstance();
            assertThat(names.add(descriptor.getFunctionName())).as(descriptor.getFunctionName()).isTrue();
        }
        assertThat(names).containsExactlyInAnyOrder("modelkitPack", "modelkitPush", "modelkitPull", "modelkitUnpack",
                "modelkitInspect", "withModelKitRegistry", "modelkitAttest", "modelkitVerify", "modelkitBom",
                "modelkitDiff", "modelkitGate", "modelkitPromote", "modelkitContainerize");
    }

    @ParameterizedTest
    @MethodSource("configurables")
    void everyFieldHasAGetterAFormEntryAndHelp(Class<?> type) throws IOException {
        List<String> fields = fields(type);
        assertThat(fields).isNotEmpty();
        String form = Files.readString(view(type, "config.jelly")) + formIncludes(type);
        for (String field : fields) {
            assertThat(getter(type, field)).as(type.getSimpleName() + " has a getter for " + field).isNotNull();
            assertThat(form).as(type.getSimpleName() + "/config.jelly has an entry for " + field)
                    .contains("field=\"" + field + "\"");
            assertThat(helpFile(type, field)).as("help-" + field + ".html for " + type.getSimpleName()).isNotNull();
        }
    }

    @ParameterizedTest
    @MethodSource("steps")
    void everyStepHasHelpOfItsOwn(Class<? extends Step> step) {
        assertThat(view(step, "help.html")).exists();
    }

    @Test
    void everyJellyFileIsWellFormedAndEscapesByDefault() throws Exception {
        List<Path> jelly = files(".jelly");
        assertThat(jelly).hasSizeGreaterThan(10);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        for (Path file : jelly) {
            String text = Files.readString(file);
            assertThat(text).as(file.toString()).startsWith("<?jelly escape-by-default='true'?>");
            assertThat(text).as(file + " has no inline script").doesNotContain("<script").doesNotContain("onclick=");
            try (InputStream in = Files.newInputStream(file)) {
                factory.newDocumentBuilder().parse(in);
            }
        }
    }

    @Test
    void everyHelpFileIsWellFormed() throws Exception {
        for (Path file : files(".html")) {
            try (InputStream in = Files.newInputStream(file)) {
                DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
            }
        }
    }

    @Test
    void everyMessagesKeyIsUsedAndEveryUsedKeyExists() throws IOException {
        String sources = sources();
        for (Path file : files("Messages.properties")) {
            Properties keys = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                keys.load(in);
            }
            for (String key : keys.stringPropertyNames()) {
                // Key() gives the text, _Key() the Localizable (as permissions take it)
                assertThat(sources).as(key + " of " + file + " is used").containsAnyOf("Messages." + key.replace('.', '_') + "(",
                        "Messages._" + key.replace('.', '_') + "(");
            }
        }
        Matcher used = Pattern.compile("Messages\\._?([A-Za-z]+)_([A-Za-z]+)\\(").matcher(sources);
        Set<String> all = new HashSet<>();
        for (Path file : files("Messages.properties")) {
            Properties keys = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                keys.load(in);
            }
            all.addAll(keys.stringPropertyNames());
        }
        while (used.find()) {
            assertThat(all).contains(used.group(1) + "." + used.group(2));
        }
    }

    @Test
    void theActionViewsAndTheSymbolExist() {
        for (String view : List.of("actions/ModelKitAction/summary.jelly", "actions/ModelKitAction/index.jelly",
                "actions/ModelKitBadgeAction/badge.jelly",
                "actions/DiffAction/summary.jelly", "actions/DiffAction/index.jelly",
                "actions/GateAction/summary.jelly",
                "actions/PromotionAction/summary.jelly", "actions/PromotionAction/badge.jelly")) {
            assertThat(RESOURCES.resolve("io/jenkins/plugins/modelkit").resolve(view)).exists();
        }
        assertThat(RESOURCES.resolve("images/symbols/modelkit.svg")).exists();
        assertThat(RESOURCES.resolve("index.jelly")).exists();
    }

    private static Constructor<?> dataBoundConstructor(Class<?> type) {
        for (Constructor<?> constructor : type.getConstructors()) {
            if (constructor.isAnnotationPresent(DataBoundConstructor.class)) {
                return constructor;
            }
        }
        return null;
    }

    /** The constructor's parameters (their names need -parameters) and the setters' properties. */
    private static List<String> fields(Class<?> type) {
        List<String> fields = new ArrayList<>();
        Constructor<?> constructor = dataBoundConstructor(type);
        if (constructor != null) {
            for (Parameter parameter : constructor.getParameters()) {
                assertThat(parameter.isNamePresent()).as("compiled with -parameters").isTrue();
                fields.add(parameter.getName());
            }
        }
        for (Method method : type.getMethods()) {
            if (method.isAnnotationPresent(DataBoundSetter.class)) {
                String name = method.getName().substring(3);
                fields.add(Character.toLowerCase(name.charAt(0)) + name.substring(1));
            }
        }
        return fields;
    }

    private static Method getter(Class<?> type, String field) {
        String suffix = Character.toUpperCase(field.charAt(0)) + field.substring(1);
        for (String prefix : List.of("get", "is")) {
            try {
                return type.getMethod(prefix + suffix);
            } catch (NoSuchMethodException e) {
                // try the next prefix
            }
        }
        return null;
    }

    private static Path view(Class<?> type, String name) {
        return RESOURCES.resolve(type.getName().replace('.', '/')).resolve(name);
    }

    /** Help is looked up through the class hierarchy, as Jenkins' Descriptor.getHelpFile does. */
    private static Path helpFile(Class<?> type, String field) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            Path help = view(c, "help-" + field + ".html");
            if (Files.exists(help)) {
                return help;
            }
        }
        return null;
    }

    private static String formIncludes(Class<?> type) throws IOException {
        StringBuilder included = new StringBuilder();
        for (Class<?> c = type.getSuperclass(); c != null && c != Object.class; c = c.getSuperclass()) {
            Path dir = RESOURCES.resolve(c.getName().replace('.', '/'));
            if (Files.isDirectory(dir)) {
                try (Stream<Path> views = Files.list(dir)) {
                    for (Path view : (Iterable<Path>) views.filter(p -> p.toString().endsWith(".jelly"))::iterator) {
                        included.append(Files.readString(view));
                    }
                }
            }
        }
        return included.toString();
    }

    private static List<Path> files(String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            return files.filter(file -> file.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static String sources() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(MAIN.resolve("java"))) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                all.append(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return all.toString();
    }
}
