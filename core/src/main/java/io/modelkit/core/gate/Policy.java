package io.modelkit.core.gate;

import io.modelkit.core.oci.Digest;
import java.util.List;

/**
 * A gate policy as read: where it came from, the digest of its exact bytes (a VSA names the policy by
 * it) and its rules in file order.
 */
public record Policy(String source, Digest digest, int version, List<Rule> rules) {
    public Policy {
        rules = List.copyOf(rules);
    }
}
