package io.jenkins.plugins.modelkit.steps;

import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.modelkit.agent.AgentSettings;

/**
 * What a running ModelKit step works with: the workspace on the agent, how the agent reaches the
 * registries, the build log and the build. Made afresh for each run; never serialized.
 */
record StepRun(FilePath workspace, AgentSettings settings, TaskListener listener, Run<?, ?> run) {
}
