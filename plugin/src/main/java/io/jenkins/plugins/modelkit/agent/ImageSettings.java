package io.jenkins.plugins.modelkit.agent;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the serving image runs its ModelKit, as the step collected it.
 *
 * @param modelDir the directory in the image the ModelKit's files go under, or null for the default
 * @param entrypoint the entrypoint's words, or empty for the base image's
 * @param environment environment variables, in order
 * @param ports exposed TCP ports
 * @param include which content kinds to add ({@code model,code}), or null for all
 * @param created whether to record the build time (the digest then changes with every build)
 */
public record ImageSettings(String modelDir, List<String> entrypoint, Map<String, String> environment, List<Integer> ports,
        String include, boolean created) implements Serializable {
    private static final long serialVersionUID = 1L;

    public ImageSettings {
        entrypoint = List.copyOf(entrypoint);
        environment = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        ports = List.copyOf(ports);
    }
}
