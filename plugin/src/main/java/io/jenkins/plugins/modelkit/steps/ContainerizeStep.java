package io.jenkins.plugins.modelkit.steps;

import hudson.AbortException;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Run;
import io.jenkins.plugins.modelkit.Fields;
import io.jenkins.plugins.modelkit.actions.ModelKitRecorder;
import io.jenkins.plugins.modelkit.agent.ContainerizeCallable;
import io.jenkins.plugins.modelkit.agent.ImageSettings;
import io.jenkins.plugins.modelkit.agent.ModelKitSummary;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code modelkitContainerize}: builds a serving container image from a ModelKit on the agent, with
 * jib and no Docker daemon, and returns the image's reference and digest. With a signing key, SLSA
 * provenance naming the ModelKit and the base image is stored next to the image. Returns the
 * ModelKit's fields with {@code image}, {@code imageDigest}, {@code config}, {@code baseDigest},
 * {@code modelKitLayers} and {@code attestation}.
 */
public final class ContainerizeStep extends SigningStep {
    private static final long serialVersionUID = 1L;
    private static final String TAR = "tar:";

    private final String reference;
    private String base;
    private String to;
    private String modelDir;
    private String entrypoint;
    private String env;
    private String ports;
    private String include;
    private boolean created;

    /** @param reference the ModelKit: {@code [host/]repo[:tag]}, {@code repo@sha256:...} or {@code oci:PATH[:TAG]} */
    @DataBoundConstructor
    public ContainerizeStep(String reference) {
        this.reference = Fields.blankToNull(reference);
    }

    public String getReference() {
        return reference;
    }

    public String getBase() {
        return base;
    }

    /** The base image, a serving runtime in a registry: {@code host[:port]/repository[:tag|@digest]}. */
    @DataBoundSetter
    public void setBase(String base) {
        this.base = Fields.blankToNull(base);
    }

    public String getTo() {
        return to;
    }

    /** Where the image goes: a registry reference, {@code oci:DIR[:TAG]} or {@code tar:FILE} in the workspace. */
    @DataBoundSetter
    public void setTo(String to) {
        this.to = Fields.blankToNull(to);
    }

    public String getModelDir() {
        return modelDir;
    }

    @DataBoundSetter
    public void setModelDir(String modelDir) {
        this.modelDir = Fields.blankToNull(modelDir);
    }

    public String getEntrypoint() {
        return entrypoint;
    }

    /** The entrypoint, one argument per line (an argument may contain spaces); empty keeps the base image's. */
    @DataBoundSetter
    public void setEntrypoint(String entrypoint) {
        this.entrypoint = Fields.blankToNull(entrypoint);
    }

    public String getEnv() {
        return env;
    }

    /** Environment variables, {@code NAME=VALUE}, one per line. */
    @DataBoundSetter
    public void setEnv(String env) {
        this.env = Fields.blankToNull(env);
    }

    public String getPorts() {
        return ports;
    }

    /** TCP ports the container exposes, separated by commas or spaces. */
    @DataBoundSetter
    public void setPorts(String ports) {
        this.ports = Fields.blankToNull(ports);
    }

    public String getInclude() {
        return include;
    }

    /** The content kinds to add, such as {@code model,code}; empty adds all. */
    @DataBoundSetter
    public void setInclude(String include) {
        this.include = Fields.blankToNull(include);
    }

    public boolean isCreated() {
        return created;
    }

    /** Record the build time in the image; its digest then changes with every build. */
    @DataBoundSetter
    public void setCreated(boolean created) {
        this.created = created;
    }

    @Override
    List<String> references() {
        return Arrays.asList(reference, base, to != null && to.startsWith(TAR) ? null : to);
    }

    @Override
    ModelKitSummary perform(StepRun on) throws Exception {
        Steps.require(this.reference, "reference");
        Steps.require(this.base, "base");
        Steps.require(this.to, "to");
        FilePath workspace = on.workspace();
        ImageSettings image = new ImageSettings(this.modelDir, lines(this.entrypoint), environment(this.env),
                portList(this.ports), this.include, this.created);
        Run<?, ?> run = on.run();
        return workspace.act(new ContainerizeCallable(on.listener(), on.settings(), Locations.onAgent(this.reference, workspace),
                this.reference, this.base, target(workspace), image, signingKey(run), BuildProvenance.builderId(),
                BuildProvenance.invocationId(run)));
    }

    /** {@code tar:FILE} and {@code oci:DIR} relative to the workspace; a registry reference as it is. */
    private String target(FilePath workspace) {
        if (this.to.startsWith(TAR)) {
            return TAR + workspace.child(this.to.substring(TAR.length())).getRemote();
        }
        return Locations.onAgent(this.to, workspace);
    }

    private static List<String> lines(String text) {
        List<String> words = new ArrayList<>();
        if (text != null) {
            for (String line : text.split("\\r?\\n")) {
                if (!line.isBlank()) {
                    words.add(line.strip());
                }
            }
        }
        return words;
    }

    private static Map<String, String> environment(String text) throws AbortException {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String line : lines(text)) {
            int equals = line.indexOf('=');
            if (equals <= 0) {
                throw new AbortException(Messages.ContainerizeStep_BadEnv(line));
            }
            variables.put(line.substring(0, equals), line.substring(equals + 1));
        }
        return variables;
    }

    private static List<Integer> portList(String text) throws AbortException {
        List<Integer> numbers = new ArrayList<>();
        if (text != null) {
            for (String word : text.split("[,\\s]+")) {
                if (word.isEmpty()) {
                    continue;
                }
                try {
                    numbers.add(Integer.parseInt(word));
                } catch (NumberFormatException e) {
                    throw new AbortException(Messages.ContainerizeStep_BadPort(word));
                }
            }
        }
        return numbers;
    }

    @Override
    void record(Run<?, ?> run, ModelKitSummary summary) throws IOException {
        ModelKitRecorder.recordImage(run, summary, (String) summary.details().get("image"),
                (String) summary.details().get("imageDigest"));
    }

    @Extension
    public static final class DescriptorImpl extends SigningStepDescriptor {
        @Override
        public String getFunctionName() {
            return "modelkitContainerize";
        }

        @Override
        public String getDisplayName() {
            return Messages.ContainerizeStep_DisplayName();
        }
    }
}
