package io.modelkit.core.gate;

import io.modelkit.core.oci.Digest;
import java.time.Instant;
import java.util.List;

/**
 * The outcome of a gate: FAIL if any enforced rule failed, WARN if only audit rules did, else PASS;
 * {@link #approvalRequired()} when some change needs a human to approve it.
 */
public record GateReport(String reference, Digest digest, String policySource, Digest policyDigest, Instant evaluated,
                         List<RuleResult> results) {
    public GateReport {
        results = List.copyOf(results);
    }

    public Status outcome() {
        if (results.stream().anyMatch(r -> r.status() == Status.FAIL)) {
            return Status.FAIL;
        }
        return results.stream().anyMatch(r -> r.status() == Status.WARN) ? Status.WARN : Status.PASS;
    }

    public boolean approvalRequired() {
        return !approvals().isEmpty();
    }

    /** Every path that needs approval, as {@code rule: path}. */
    public List<String> approvals() {
        return results.stream().flatMap(r -> r.approvals().stream().map(path -> r.name() + ": " + path)).toList();
    }
}
