package io.jenkins.plugins.modelkit.agent;

import java.io.Serializable;

/**
 * Where a gate's policy comes from: a file on the agent, or YAML text from the Pipeline script.
 *
 * @param file the policy file on the agent, absolute, or null for {@code text}
 * @param text the policy's YAML when there is no file
 * @param name what errors call the policy: the workspace path as the step named it, or {@code policyText}
 */
public record GatePolicySource(String file, String text, String name) implements Serializable {
    private static final long serialVersionUID = 1L;

    public static GatePolicySource file(String file, String name) {
        return new GatePolicySource(file, null, name);
    }

    public static GatePolicySource text(String text) {
        return new GatePolicySource(null, text, "policyText");
    }
}
