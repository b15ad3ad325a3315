package io.jenkins.plugins.modelkit.agent;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What every operation on the agent needs besides its own request: the build's environment (which
 * locates {@code MODELKIT_HOME}), the workspace (which CA file paths are relative to), the
 * registries with their access, a CA file ({@code tlsCa}), plain HTTP, and how many blobs move at
 * once. Only JDK types and Jenkins' {@code Secret} cross the channel.
 */
public record AgentSettings(Map<String, String> env, String workspace, List<RegistryAccess> registries, String tlsCa,
                            boolean plainHttp, int concurrency) implements Serializable {
    private static final long serialVersionUID = 1L;

    public AgentSettings {
        env = Map.copyOf(env);
        registries = List.copyOf(registries);
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
        }
    }

    /** Names only: the environment may hold secrets a {@code withCredentials} block bound. */
    @Override
    public String toString() {
        return "AgentSettings[workspace=" + workspace + ", registries=" + registries + ", tlsCa=" + tlsCa
                + ", plainHttp=" + plainHttp + ", concurrency=" + concurrency + ", env=" + env.keySet() + "]";
    }
}
