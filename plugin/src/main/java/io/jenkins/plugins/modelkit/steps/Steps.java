package io.jenkins.plugins.modelkit.steps;

import hudson.AbortException;

/** Checks every step makes before it starts. */
final class Steps {
    private Steps() {
    }

    /** A required parameter must be set; the message names it, as the script spells it. */
    static void require(String value, String parameter) throws AbortException {
        if (value == null) {
            throw new AbortException(Messages.ModelKitStep_Required(parameter));
        }
    }
}
