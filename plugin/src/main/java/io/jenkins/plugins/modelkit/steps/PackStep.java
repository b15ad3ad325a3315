package io.jenkins.plugins.modelkit.steps;

import hudson.Extension;
import hudson.FilePath;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.modelkit.Fields;
import io.jenkins.plugins.modelkit.agent.AgentSettings;
import io.jenkins.plugins.modelkit.agent.ModelKitSummary;
import io.jenkins.plugins.modelkit.agent.PackCallable;
import io.modelkit.core.ModelKitException;
import io.modelkit.core.pack.Compression;
import io.modelkit.core.pack.PackFormat;
import java.util.Collections;
import java.util.List;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;

/**
 * {@code modelkitPack}: packs a directory of the workspace into a ModelKit on the agent, exactly as
 * {@code kit pack} does, and pushes it if asked.
 */
public final class PackStep extends ModelKitStep {
    private static final long serialVersionUID = 1L;

    private final String reference;
    private String contextDir = ".";
    private String kitfile;
    private String compression = "none";
    private String format = "modelkit";
    private boolean push;
    private boolean pushOnly;
    private Integer parallelism;

    /** @param reference where to store it: {@code [host/]repo[:tag,...]} or {@code oci:PATH[:TAG]} (workspace-relative) */
    @DataBoundConstructor
    public PackStep(String reference) {
        this.reference = Fields.blankToNull(reference);
    }

    public String getReference() {
        return reference;
    }

    public String getContextDir() {
        return contextDir;
    }

    @DataBoundSetter
    public void setContextDir(String contextDir) {
        String value = Fields.blankToNull(contextDir);
        this.contextDir = value == null ? "." : value;
    }

    public String getKitfile() {
        return kitfile;
    }

    @DataBoundSetter
    public void setKitfile(String kitfile) {
        this.kitfile = Fields.blankToNull(kitfile);
    }

    public String getCompression() {
        return compression;
    }

    @DataBoundSetter
    public void setCompression(String compression) {
        String value = Fields.blankToNull(compression);
        this.compression = value == null ? "none" : Compression.parse(value).value();
    }

    public String getFormat() {
        return format;
    }

    @DataBoundSetter
    public void setFormat(String format) {
        String value = Fields.blankToNull(format);
        this.format = value == null ? "modelkit" : PackFormat.parse(value).toString();
    }

    public boolean isPush() {
        return push;
    }

    @DataBoundSetter
    public void setPush(boolean push) {
        this.push = push;
    }

    public boolean isPushOnly() {
        return pushOnly;
    }

    /** Send the layers straight to the registry, keeping no copy on the agent. */
    @DataBoundSetter
    public void setPushOnly(boolean pushOnly) {
        this.pushOnly = pushOnly;
    }

    public Integer getParallelism() {
        return parallelism;
    }

    @DataBoundSetter
    public void setParallelism(Integer parallelism) {
        if (parallelism != null && parallelism < 1) {
            throw new IllegalArgumentException("parallelism: " + Messages.ModelKitStep_NotAPositiveNumber(parallelism));
        }
        this.parallelism = parallelism;
    }

    @Override
    List<String> references() {
        return Collections.singletonList(reference);
    }

    @Override
    ModelKitSummary perform(StepRun on) throws Exception {
        FilePath workspace = on.workspace();
        AgentSettings settings = on.settings();
        TaskListener listener = on.listener();
        if (this.push && this.pushOnly) {
            throw new hudson.AbortException(Messages.PackStep_PushAndPushOnly());
        }
        if ((this.push || this.pushOnly) && this.reference == null) {
            throw new hudson.AbortException(Messages.PackStep_PushNeedsReference());
        }
        String kitfilePath = this.kitfile == null ? null : workspace.child(this.kitfile).getRemote();
        String target = Locations.onAgent(this.reference, workspace);
        return workspace.child(this.contextDir).act(new PackCallable(listener, settings, kitfilePath, target,
                this.compression, this.format, this.push, this.pushOnly, this.parallelism));
    }

    @Override
    String recordedAs(ModelKitSummary summary) {
        return Boolean.TRUE.equals(summary.details().get("pushed")) ? "pushed" : "packed";
    }

    @Extension
    public static final class DescriptorImpl extends ModelKitStepDescriptor {
        @Override
        public String getFunctionName() {
            return "modelkitPack";
        }

        @Override
        public String getDisplayName() {
            return Messages.PackStep_DisplayName();
        }

        public ListBoxModel doFillCompressionItems() {
            ListBoxModel items = new ListBoxModel();
            for (Compression compression : Compression.values()) {
                items.add(compression.value(), compression.value());
            }
            return items;
        }

        public ListBoxModel doFillFormatItems() {
            ListBoxModel items = new ListBoxModel();
            for (PackFormat format : PackFormat.values()) {
                items.add(format.toString(), format.toString());
            }
            return items;
        }

        public FormValidation doCheckCompression(@QueryParameter String value) {
            try {
                Compression.parse(Fields.blankToNull(value) == null ? "none" : value.trim());
                return FormValidation.ok();
            } catch (ModelKitException e) {
                return FormValidation.error(e.getMessage());
            }
        }

        public FormValidation doCheckFormat(@QueryParameter String value) {
            try {
                PackFormat.parse(Fields.blankToNull(value) == null ? "modelkit" : value.trim());
                return FormValidation.ok();
            } catch (ModelKitException e) {
                return FormValidation.error(e.getMessage());
            }
        }
    }
}
