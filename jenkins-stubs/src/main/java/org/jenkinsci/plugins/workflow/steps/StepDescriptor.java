// Declarations match org.jenkins-ci.plugins.workflow:workflow-step-api 710.v3e456cc85233 (src/main/java/org/jenkinsci/plugins/workflow/steps/StepDescriptor.java).
package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.ExtensionList;
import hudson.model.Descriptor;
import java.util.Collections;
import java.util.Map;
import java.util.Set;

/** Stub: no metastep or argument-mapping support ({@code newInstance}, {@code uninstantiate}, ...). */
public abstract class StepDescriptor extends Descriptor<Step> {
    public abstract Set<? extends Class<?>> getRequiredContext();

    public Set<? extends Class<?>> getProvidedContext() {
        return Collections.emptySet();
    }

    public abstract String getFunctionName();

    public boolean takesImplicitBlockArgument() {
        return false;
    }

    public boolean isAdvanced() {
        return false;
    }

    public boolean isMetaStep() {
        return false;
    }

    public static ExtensionList<StepDescriptor> all() {
        return ExtensionList.lookup(StepDescriptor.class);
    }

    public static @Nullable StepDescriptor byFunctionName(String name) {
        for (StepDescriptor d : all()) {
            if (d.getFunctionName().equals(name)) {
                return d;
            }
        }
        return null;
    }

    /** Stub: null (upstream renders a short summary of the arguments). */
    @CheckForNull
    public String argumentsToString(@NonNull Map<String, Object> namedArgs) {
        return null;
    }
}
