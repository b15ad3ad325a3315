package io.modelkit.core.provenance;

import io.modelkit.core.ModelKitException;
import io.modelkit.core.oci.Digest;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An in-toto subject: a name and a DigestSet (algorithm to lowercase hex, or {@code gitCommit} and
 * the like). Verifiers match subjects by digest only, so the name is informative.
 */
public record Subject(String name, Map<String, String> digest) {
    public Subject {
        name = name == null ? "" : name;
        Objects.requireNonNull(digest, "digest");
        if (digest.isEmpty()) {
            throw new ModelKitException("in-toto subject '" + name + "': digest must not be empty");
        }
        digest = Map.copyOf(new TreeMap<>(digest));
    }

    /** A subject for an OCI artifact: {@code {"name":name,"digest":{"sha256":hex}}}. */
    public static Subject of(String name, Digest sha256) {
        return new Subject(name, Map.of(sha256.algorithm(), sha256.hex()));
    }

    /** The sha256 entry of the DigestSet, if there is one. */
    public Optional<String> sha256() {
        return Optional.ofNullable(digest.get("sha256"));
    }

    /** Whether the DigestSet names {@code manifest}'s sha256. */
    public boolean matches(Digest manifest) {
        return manifest.hex().equals(digest.get(manifest.algorithm()));
    }
}
