package io.modelkit.core.store;

import io.modelkit.core.oci.Annotations;
import io.modelkit.core.oci.Descriptor;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a layout's {@code index.json}: a manifest descriptor and the entry's
 * {@code org.opencontainers.image.ref.name}, if it has one. {@link #manifest()} never carries the
 * ref.name annotation itself; {@link #toDescriptor()} puts it back.
 */
public record IndexEntry(Optional<String> refName, Descriptor manifest) {

    public IndexEntry {
        Objects.requireNonNull(refName, "refName");
        manifest = manifest.withoutAnnotation(Annotations.REF_NAME);
    }

    static IndexEntry fromDescriptor(Descriptor descriptor) {
        return new IndexEntry(descriptor.annotation(Annotations.REF_NAME), descriptor);
    }

    static IndexEntry named(String refName, Descriptor manifest) {
        return new IndexEntry(Optional.of(refName), manifest);
    }

    static IndexEntry untagged(Descriptor manifest) {
        return new IndexEntry(Optional.empty(), manifest);
    }

    /** The descriptor as written in {@code index.json}. */
    public Descriptor toDescriptor() {
        return refName.map(name -> manifest.withAnnotation(Annotations.REF_NAME, name)).orElse(manifest);
    }

    boolean hasName(String name) {
        return refName.filter(name::equals).isPresent();
    }
}
