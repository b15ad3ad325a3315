package io.jenkins.plugins.modelkit.registry;

import hudson.Extension;
import hudson.ExtensionList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jenkins.model.GlobalConfiguration;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The registries steps know without being told: under Manage Jenkins, or in Configuration as Code
 * as {@code unclassified: modelkit: registries: [...]}. A step finds the credentials, CA and plain
 * HTTP setting for a reference's host here, so most pipelines need no {@code credentialsId}.
 */
@Extension
@Symbol("modelkit")
public class ModelKitGlobalConfiguration extends GlobalConfiguration {
    private List<RegistryEntry> registries = new ArrayList<>();

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

    /** The entry for a registry host ({@code host[:port]}, compared without case), if one is configured. */
    public Optional<RegistryEntry> entryFor(String host) {
        return getRegistries().stream().filter(entry -> entry.getHost() != null && entry.getHost().equalsIgnoreCase(host))
                .findFirst();
    }
}
