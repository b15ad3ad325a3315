package io.jenkins.plugins.modelkit.registry;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.util.FormValidation;
import io.modelkit.core.ModelKitException;
import io.modelkit.core.promote.Stages;
import io.modelkit.core.promote.StagesReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The registries steps know without being told: under Manage Jenkins, or in Configuration as Code
 * as {@code unclassified: modelkit: registries: [...]}. A step finds the credentials, CA and plain
 * HTTP setting for a reference's host here, so most pipelines need no {@code credentialsId}.
 */
@Extension
@Symbol("modelkit")
public class ModelKitGlobalConfiguration extends GlobalConfiguration {
    private List<RegistryEntry> registries = new ArrayList<>();
    private String stages;

    public ModelKitGlobalConfiguration() {
        load();
    }

    @Override
    public String getDisplayName() {
        return Messages.ModelKitGlobalConfiguration_DisplayName();
    }

    public static ModelKitGlobalConfiguration get() {
        return ExtensionList.lookupSingleton(ModelKitGlobalConfiguration.class);
    }

    public List<RegistryEntry> getRegistries() {
        return registries == null ? List.of() : List.copyOf(registries);
    }

    @DataBoundSetter
    public void setRegistries(List<RegistryEntry> registries) {
        this.registries = registries == null ? new ArrayList<>() : new ArrayList<>(registries);
        save();
    }

    public String getStages() {
        return stages;
    }

    /**
     * The stages for promotions from a build's page, as a stages file would hold them; gate policy
     * paths are relative to {@code $JENKINS_HOME/modelkit}. Pipelines read their own stages file.
     */
    @DataBoundSetter
    public void setStages(String stages) {
        this.stages = stages == null || stages.isBlank() ? null : stages;
        save();
    }

    /** Where policy paths of the configured stages are relative to. */
    public static Path policyDirectory() {
        return Jenkins.get().getRootDir().toPath().resolve("modelkit");
    }

    /** The configured stages, or null when none are. */
    public Stages readStages() {
        return stages == null ? null : StagesReader.read(stages, Messages.ModelKitGlobalConfiguration_StagesSource(),
                policyDirectory());
    }

    @POST
    public FormValidation doCheckStages(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        if (value == null || value.isBlank()) {
            return FormValidation.ok();
        }
        try {
            StagesReader.read(value, Messages.ModelKitGlobalConfiguration_StagesSource(), policyDirectory());
            return FormValidation.ok();
        } catch (ModelKitException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    /** The entry for a registry host ({@code host[:port]}, compared without case), if one is configured. */
    public Optional<RegistryEntry> entryFor(String host) {
        return getRegistries().stream().filter(entry -> entry.getHost() != null && entry.getHost().equalsIgnoreCase(host))
                .findFirst();
    }
}
