// Declarations match org.jenkins-ci.plugins:credentials 1502.v5c95e620ddfe (src/main/java/com/cloudbees/plugins/credentials/domains/URIRequirementBuilder.java).
package com.cloudbees.plugins.credentials.domains;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.ArrayList;
import java.util.List;

/**
 * Stub: the scheme/hostname/path requirement subtypes are not declared, so {@link #build()} returns an
 * empty list. Upstream also has the with/without builders for each part.
 */
public class URIRequirementBuilder {
    @NonNull
    private final List<DomainRequirement> requirements = new ArrayList<>();

    private URIRequirementBuilder() {
    }

    @NonNull
    public static URIRequirementBuilder create() {
        return new URIRequirementBuilder();
    }

    @NonNull
    public static URIRequirementBuilder fromUri(@CheckForNull String uri) {
        return create().withUri(uri);
    }

    @NonNull
    public URIRequirementBuilder withUri(@CheckForNull String uri) {
        return this;
    }

    @NonNull
    public List<DomainRequirement> build() {
        return new ArrayList<>(requirements);
    }
}
