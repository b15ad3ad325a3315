package io.jenkins.plugins.modelkit.steps;

import hudson.Extension;
import hudson.FilePath;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import io.jenkins.plugins.modelkit.Fields;
import io.jenkins.plugins.modelkit.agent.AgentSettings;
import io.jenkins.plugins.modelkit.agent.ModelKitSummary;
import io.jenkins.plugins.modelkit.agent.UnpackCallable;
import io.modelkit.core.ModelKitException;
import io.modelkit.core.unpack.UnpackFilter;
import java.util.ArrayList;
import java.util.List;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;

/**
 * {@code modelkitUnpack}: unpacks a ModelKit into a workspace directory on the agent, every layer
 * verified; from a registry, only the layers the filters select are fetched.
 */
public final class UnpackStep extends ModelKitStep {
    private static final long serialVersionUID = 1L;

    private final String reference;
    private String dir = ".";
    private String filters;
    private boolean overwrite;
    private boolean ignoreExisting;
    private boolean remote;

    @DataBoundConstructor
    public UnpackStep(String reference) {
        this.reference = Fields.blankToNull(reference);
    }

    public String getReference() {
        return reference;
    }

    public String getDir() {
        return dir;
    }

    @DataBoundSetter
    public void setDir(String dir) {
        String value = Fields.blankToNull(dir);
        this.dir = value == null ? "." : value;
    }

    /** The filters, one per line, or null for everything. */
    public String getFilters() {
        return filters;
    }

    /**
     * {@code TYPES[:NAMES]} filters as {@code modelkit unpack --filter} takes them, several separated
     * by new lines or {@code ;}: {@code 'model'}, {@code 'model,docs'}, {@code 'model;datasets:train'}.
     */
    @DataBoundSetter
    public void setFilters(String filters) {
        List<String> checked = filterList(filters);
        checked.forEach(UnpackFilter::parse);
        this.filters = checked.isEmpty() ? null : String.join("\n", checked);
    }

    static List<String> filterList(String text) {
        List<String> list = new ArrayList<>();
        if (text != null) {
            for (String part : text.split("[;\\n\\r]+")) {
                if (!part.isBlank()) {
                    list.add(part.trim());
                }
            }
        }
        return list;
    }

    public boolean isOverwrite() {
        return overwrite;
    }

    @DataBoundSetter
    public void setOverwrite(boolean overwrite) {
        this.overwrite = overwrite;
    }

    public boolean isIgnoreExisting() {
        return ignoreExisting;
    }

    @DataBoundSetter
    public void setIgnoreExisting(boolean ignoreExisting) {
        this.ignoreExisting = ignoreExisting;
    }

    public boolean isRemote() {
        return remote;
    }

    /** Read from the registry even if the agent's store holds the ModelKit. */
    @DataBoundSetter
    public void setRemote(boolean remote) {
        this.remote = remote;
    }

    @Override
    List<String> references() {
        return java.util.Collections.singletonList(reference);
    }

    @Override
    ModelKitSummary perform(StepRun on) throws Exception {
        FilePath workspace = on.workspace();
        AgentSettings settings = on.settings();
        TaskListener listener = on.listener();
        Steps.require(this.reference, "reference");
        FilePath target = workspace.child(this.dir);
        target.mkdirs();
        return target.act(new UnpackCallable(listener, settings, Locations.onAgent(this.reference, workspace),
                filterList(this.filters), this.overwrite, this.ignoreExisting, this.remote));
    }

    @Extension
    public static final class DescriptorImpl extends ModelKitStepDescriptor {
        @Override
        public String getFunctionName() {
            return "modelkitUnpack";
        }

        @Override
        public String getDisplayName() {
            return Messages.UnpackStep_DisplayName();
        }

        public FormValidation doCheckFilters(@QueryParameter String value) {
            for (String filter : filterList(value)) {
                try {
                    UnpackFilter.parse(filter);
                } catch (ModelKitException e) {
                    return FormValidation.error(e.getMessage());
                }
            }
            return FormValidation.ok();
        }
    }
}
