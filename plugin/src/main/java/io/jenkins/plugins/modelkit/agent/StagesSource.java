package io.jenkins.plugins.modelkit.agent;

import java.io.Serializable;

/**
 * Where a promotion's stages come from: a stages file on the agent, or the YAML of the global
 * configuration, whose policy paths are relative to {@code directory} on the controller.
 *
 * @param file the stages file, absolute, or null for {@code text}
 * @param text the stages as YAML when there is no file
 * @param directory what policy paths in {@code text} are relative to
 * @param name what errors call the stages: the workspace path as the step named it, or the configuration
 */
public record StagesSource(String file, String text, String directory, String name) implements Serializable {
    private static final long serialVersionUID = 1L;

    public static StagesSource file(String file, String name) {
        return new StagesSource(file, null, null, name);
    }

    public static StagesSource text(String text, String directory, String name) {
        return new StagesSource(null, text, directory, name);
    }
}
