package io.modelkit.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelkit.core.ModelKitException;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.LayoutReference;
import io.modelkit.core.oci.Manifest;
import io.modelkit.core.oci.Reference;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayoutStoreTest {
    @TempDir
    Path temp;

    @Test
    void shouldNameEntriesByBareTag() {
        LayoutStore store = LayoutStore.open(temp);
        Manifest manifest = TestKits.writeBlobs(store.layout(), "m");

        Descriptor saved = store.save(manifest, List.of(LayoutReference.parse("oci:" + temp + ":v1")));

        assertThat(store.layout().entries()).extracting(IndexEntry::refName).containsExactly(Optional.of("v1"));
        assertThat(store.resolve(LayoutReference.parse("oci:" + temp + ":v1"))).contains(saved);
        assertThat(store.resolve(LayoutReference.parse("oci:" + temp + "@" + manifest.digest()))).contains(saved);
        assertThat(store.resolve(LayoutReference.of(temp))).contains(saved);
        assertThat(store.list()).singleElement().satisfies(kit -> {
            assertThat(kit.repository()).isEqualTo("oci:" + store.layout().root());
            assertThat(kit.tag()).isEqualTo("v1");
        });
    }

    @Test
    void shouldRequireANameWhenTheLayoutHoldsSeveralManifests() {
        LayoutStore store = LayoutStore.open(temp);
        store.save(TestKits.writeBlobs(store.layout(), "a"), List.of(LayoutReference.of(temp, "a")));
        store.save(TestKits.writeBlobs(store.layout(), "b"), List.of(LayoutReference.of(temp, "b")));

        assertThatThrownBy(() -> store.resolve(LayoutReference.of(temp))).isInstanceOf(ModelKitException.class)
                .hasMessage("oci:" + temp + " holds 2 manifests; name one with oci:" + temp + ":TAG or oci:" + temp + "@sha256:…");
        assertThatThrownBy(() -> store.remove(LayoutReference.of(temp))).hasMessageStartingWith("name the manifest to remove");
    }

    @Test
    void shouldRemoveTagsAndManifests() {
        LayoutStore store = LayoutStore.open(temp);
        Manifest manifest = TestKits.writeBlobs(store.layout(), "a");
        store.save(manifest, List.of(LayoutReference.of(temp, "v1"), LayoutReference.of(temp, "v2")));

        assertThat(store.remove(LayoutReference.of(temp, "v1"))).isTrue();
        assertThat(store.resolve(LayoutReference.of(temp, "v2"))).isPresent();
        assertThat(store.remove(LayoutReference.parse("oci:" + temp + "@" + manifest.digest()))).isTrue();
        assertThat(store.layout().entries()).isEmpty();
    }

    @Test
    void shouldRefuseOtherLocations() {
        LayoutStore store = LayoutStore.open(temp.resolve("a"));

        assertThatThrownBy(() -> store.resolve(Reference.parse("model:1"))).isInstanceOf(ModelKitException.class)
                .hasMessage("localhost/model:1 is not in the OCI layout " + temp.resolve("a"));
        assertThatThrownBy(() -> store.resolve(LayoutReference.of(temp.resolve("b"), "v1")))
                .hasMessage("oci:" + temp.resolve("b") + ":v1 is not in the OCI layout " + temp.resolve("a"));
    }
}
