// Declarations match org.jenkins-ci.plugins:credentials 1502.v5c95e620ddfe (src/main/java/com/cloudbees/plugins/credentials/domains/DomainRequirement.java).
package com.cloudbees.plugins.credentials.domains;

import hudson.ExtensionPoint;
import java.io.Serializable;

public class DomainRequirement implements ExtensionPoint, Serializable {
    private static final long serialVersionUID = 1L;
}
