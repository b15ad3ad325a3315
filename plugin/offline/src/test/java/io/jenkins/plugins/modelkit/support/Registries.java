package io.jenkins.plugins.modelkit.support;

import hudson.ExtensionList;
import io.jenkins.plugins.modelkit.registry.ModelKitGlobalConfiguration;
import io.jenkins.plugins.modelkit.registry.RegistryEntry;
import java.util.List;

/** The global configuration as the tests need it: exactly one, holding the given registries. */
public final class Registries {
    private Registries() {
    }

    public static ModelKitGlobalConfiguration configure(RegistryEntry... entries) {
        ExtensionList<ModelKitGlobalConfiguration> list = ExtensionList.lookup(ModelKitGlobalConfiguration.class);
        List.copyOf(list).forEach(list::remove);
        ModelKitGlobalConfiguration configuration = new ModelKitGlobalConfiguration();
        configuration.setRegistries(List.of(entries));
        list.add(configuration);
        return configuration;
    }
}
