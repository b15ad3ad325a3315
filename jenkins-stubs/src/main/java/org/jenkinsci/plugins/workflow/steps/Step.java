// Declarations match org.jenkins-ci.plugins.workflow:workflow-step-api 710.v3e456cc85233 (src/main/java/org/jenkinsci/plugins/workflow/steps/Step.java).
package org.jenkinsci.plugins.workflow.steps;

import hudson.ExtensionPoint;
import hudson.model.AbstractDescribableImpl;

public abstract class Step extends AbstractDescribableImpl<Step> implements ExtensionPoint {
    public abstract StepExecution start(StepContext context) throws Exception;

    @Override
    public StepDescriptor getDescriptor() {
        return (StepDescriptor) super.getDescriptor();
    }
}
