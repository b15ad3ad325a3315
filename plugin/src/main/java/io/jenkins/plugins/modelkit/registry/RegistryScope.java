package io.jenkins.plugins.modelkit.registry;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The registries {@code withModelKitRegistry} blocks around a step name, innermost first: each
 * block adds its own to those of the blocks outside it, and steps inside find them in their context.
 */
public record RegistryScope(List<Entry> entries) implements Serializable {
    private static final long serialVersionUID = 1L;

    public RegistryScope {
        entries = List.copyOf(entries);
    }

    public static RegistryScope empty() {
        return new RegistryScope(List.of());
    }

    /** This scope with {@code entry} in front, as a block inside it sees it. */
    public RegistryScope with(Entry entry) {
        List<Entry> inner = new ArrayList<>();
        inner.add(entry);
        inner.addAll(entries);
        return new RegistryScope(inner);
    }

    /**
     * One block's registry.
     *
     * @param tlsCa a PEM file on the agent, relative to the workspace, or null
     */
    public record Entry(String host, String credentialsId, boolean plainHttp, String tlsCa) implements Serializable {
        private static final long serialVersionUID = 1L;
    }
}
