package io.modelkit.core.gate;

/** The target tag is absent or already holds this digest: a promotion never silently replaces another ModelKit. */
final class RegistryCheck {
    private RegistryCheck() {
    }

    static Findings check(Rule.Registry rule, GateInput input) {
        Findings findings = new Findings();
        if (!rule.targetTagAbsentOrSame()) {
            findings.note("targetTagAbsentOrSame is off");
            return findings;
        }
        if (input.targetTag() == null) {
            findings.violation("no target tag given, so an overwrite cannot be ruled out");
            return findings;
        }
        String actual = input.targetDigest() == null ? "absent" : input.targetDigest().toString();
        findings.compared(input.targetTag(), "absent or " + input.digest(), actual);
        if (input.targetDigest() == null) {
            findings.note(input.targetTag() + " is absent");
        } else if (input.targetDigest().equals(input.digest())) {
            findings.note(input.targetTag() + " already holds " + input.digest());
        } else {
            findings.violation(input.targetTag() + " holds " + input.targetDigest() + "; promoting " + input.digest()
                    + " would overwrite it");
        }
        return findings;
    }
}
