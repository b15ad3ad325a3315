package io.modelkit.core.provenance.verify;

import java.util.List;

/**
 * The checks of one attestation found next to the ModelKit. It counts only if every check passed.
 *
 * @param origin where it was found (a bundle referrer or a layer of the legacy image)
 */
public record AttestationResult(String origin, List<Check> checks) {
    public AttestationResult {
        checks = List.copyOf(checks);
    }

    public boolean passed() {
        return !checks.isEmpty() && checks.stream().allMatch(Check::passed);
    }
}
