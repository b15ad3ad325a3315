// Declarations match org.jenkins-ci.plugins:credentials 1502.v5c95e620ddfe (src/main/java/com/cloudbees/plugins/credentials/common/StandardListBoxModel.java).
package com.cloudbees.plugins.credentials.common;

import edu.umd.cs.findbugs.annotations.NonNull;

/** Stub: describes a credential by its description, or its ID when the description is empty. */
public class StandardListBoxModel extends AbstractIdCredentialsListBoxModel<StandardListBoxModel, StandardCredentials> {
    private static final long serialVersionUID = 1L;

    @Override
    @NonNull
    protected String describe(@NonNull StandardCredentials c) {
        String d = c.getDescription();
        return d == null || d.isEmpty() ? c.getId() : d;
    }
}
