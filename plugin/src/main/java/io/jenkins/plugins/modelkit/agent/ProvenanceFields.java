package io.jenkins.plugins.modelkit.agent;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the controller knows about the build that a provenance records: who built it (builder id,
 * the build's URL, when it started, the job), and from what (repository, ref, commit, Kitfile path).
 * Only JDK values, so that it crosses the channel as it is.
 *
 * @param invocationId the build's absolute URL, or null when Jenkins has no root URL
 * @param startedOn when the build started, in milliseconds since the epoch
 */
public record ProvenanceFields(String builderId, String invocationId, long startedOn, String sourceRepository,
                               String sourceRef, String gitCommit, String kitfile, Map<String, String> internalParameters)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public ProvenanceFields {
        // a LinkedHashMap, not Map.copyOf: order is kept, and the JDK's immutable maps serialize through a proxy
        internalParameters = new LinkedHashMap<>(internalParameters);
    }
}
