package io.modelkit.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelkit.core.ModelKitException;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.LayoutReference;
import io.modelkit.core.oci.Location;
import io.modelkit.core.oci.Manifest;
import io.modelkit.core.oci.Reference;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStoreTest {
    @TempDir
    Path temp;

    @Test
    void shouldNameEntriesByFullReference() {
        LocalStore store = LocalStore.open(new ModelKitHome(temp));
        Manifest manifest = TestKits.writeBlobs(store.layout(), "m");

        Descriptor saved = store.save(manifest, List.of(Reference.parse("team/model:1.0,latest"),
                Reference.parse("registry.example.com:5000/team/model:1.0")));

        assertThat(store.layout().root()).isEqualTo(temp.resolve("storage"));
        assertThat(store.layout().entries()).extracting(entry -> entry.refName().orElseThrow()).containsExactly(
                "localhost/team/model:1.0", "localhost/team/model:latest", "registry.example.com:5000/team/model:1.0");
        assertThat(store.resolve(Reference.parse("team/model:latest"))).contains(saved);
        assertThat(store.resolve(Reference.parse("localhost/team/model:1.0"))).contains(saved);
        assertThat(store.resolve(Reference.parse("team/model:2.0"))).isEmpty();
        assertThat(store.resolve(Reference.parse("other@" + manifest.digest()))).contains(saved);
    }

    @Test
    void shouldKeepDigestPinnedKitsInTheirRepositoryAndBareDigestsUntagged() {
        LocalStore store = LocalStore.open(temp);
        Manifest manifest = TestKits.writeBlobs(store.layout(), "m");
        Reference pinned = Reference.parse("reg.io/team/model@" + manifest.digest());

        store.save(manifest, List.of(pinned));
        assertThat(store.layout().entries()).extracting(IndexEntry::refName)
                .containsExactly(Optional.of("reg.io/team/model@" + manifest.digest()));

        LocalStore other = LocalStore.open(temp.resolve("other"));
        TestKits.writeBlobs(other.layout(), "m");
        other.save(manifest, List.of(Reference.parse(manifest.digest().toString())));
        assertThat(other.layout().entries()).extracting(IndexEntry::refName).containsExactly(Optional.empty());
        assertThat(other.resolve(Reference.parse(manifest.digest().toString()))).isPresent();

        Manifest different = TestKits.writeBlobs(store.layout(), "n");
        assertThatThrownBy(() -> store.save(different, List.of(pinned))).isInstanceOf(ModelKitException.class)
                .hasMessage(pinned + " pins " + manifest.digest() + " but the manifest is " + different.digest());
    }

    @Test
    void shouldRemoveTagsAndDropManifestsWithoutNames() {
        LocalStore store = LocalStore.open(temp);
        Manifest manifest = TestKits.writeBlobs(store.layout(), "m");
        store.save(manifest, List.of(Reference.parse("a/model:1,2"), Reference.parse("b/model:1")));

        assertThat(store.remove(Reference.parse("a/model:1"))).isTrue();
        assertThat(store.remove(Reference.parse("a/model:1"))).isFalse();
        assertThat(store.remove(Reference.parse("a/model@" + manifest.digest()))).isTrue();
        assertThat(store.layout().entries()).extracting(entry -> entry.refName().orElseThrow()).containsExactly("localhost/b/model:1");

        assertThat(store.remove(Reference.parse("b/model:1"))).isTrue();
        assertThat(store.layout().entries()).isEmpty();
    }

    @Test
    void shouldListRepositoryTagDigestSizeAndCreated() {
        LocalStore store = LocalStore.open(temp);
        Manifest tagged = TestKits.writeBlobs(store.layout(), "tagged");
        Manifest untagged = TestKits.writeBlobs(store.layout(), "untagged");
        store.save(tagged, List.of(Reference.parse("reg.io/team/model:1.0")));
        store.save(untagged, List.of());
        store.layout().tag(tagged.descriptor(), "not a reference");

        List<StoredModelKit> kits = store.list();

        assertThat(kits).hasSize(3);
        StoredModelKit first = kits.get(0);
        assertThat(first.repository()).isEqualTo("reg.io/team/model");
        assertThat(first.tag()).isEqualTo("1.0");
        assertThat(first.digest()).isEqualTo(tagged.digest());
        assertThat(first.created()).contains("2026-01-02T03:04:05Z");
        assertThat(first.totalSize()).isEqualTo(tagged.size() + tagged.config().size() + tagged.layers().get(0).size()
                + tagged.layers().get(1).size());
        assertThat(kits.get(1).location()).isEmpty();
        assertThat(kits.get(1).repository()).isEmpty();
        assertThat(kits.get(1).digest()).isEqualTo(untagged.digest());
        assertThat(kits.get(2).location()).isEmpty();
    }

    @Test
    void shouldRefuseLayoutLocations() {
        LocalStore store = LocalStore.open(temp);

        assertThatThrownBy(() -> store.resolve(Location.parse("oci:dir:v1"))).isInstanceOf(ModelKitException.class)
                .hasMessage("oci:dir:v1 is an OCI layout, not a reference; the local store at " + temp.toAbsolutePath()
                        + " holds references such as localhost/repo:tag");
    }

    @Test
    void shouldPickTheStoreForALocation() {
        Map<String, String> env = Map.of("MODELKIT_HOME", temp.resolve("home").toString());

        assertThat(ModelKitStore.forLocation(Reference.parse("model:1"), env).layout().root())
                .isEqualTo(temp.resolve("home/storage"));
        assertThat(ModelKitStore.forLocation(LayoutReference.parse("oci:" + temp.resolve("out") + ":v1"), env))
                .isInstanceOf(LayoutStore.class);
    }
}
