// Declarations match org.jenkins-ci.plugins:credentials 1502.v5c95e620ddfe (src/main/java/com/cloudbees/plugins/credentials/CredentialsScope.java).
package com.cloudbees.plugins.credentials;

import hudson.model.ModelObject;
import java.io.Serializable;
import jenkins.model.Jenkins;

/** Stub: SYSTEM is visible only in the Jenkins context (upstream also Node and Computer, not declared). */
public enum CredentialsScope implements Serializable {
    SYSTEM {
        @Override
        public String getDisplayName() {
            return "System (Jenkins and nodes only)";
        }

        @Override
        public boolean isVisible(ModelObject context) {
            return (Object) context instanceof Jenkins;
        }
    },
    GLOBAL {
        @Override
        public String getDisplayName() {
            return "Global (Jenkins, nodes, items, all child items, etc)";
        }

        @Override
        public boolean isVisible(ModelObject context) {
            return true;
        }
    },
    USER {
        @Override
        public String getDisplayName() {
            return "User";
        }

        @Override
        public boolean isVisible(ModelObject context) {
            return true;
        }
    };

    public abstract String getDisplayName();

    public abstract boolean isVisible(ModelObject context);
}
