package io.modelkit.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.Manifest;
import io.modelkit.core.oci.Reference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** skopeo, an independent OCI client, must read what we write and we must read what it writes. */
class SkopeoInteropTest {
    private static final Path SKOPEO = Path.of("/usr/bin/skopeo");

    @TempDir
    Path temp;

    @BeforeAll
    static void requireSkopeo() {
        assertThat(SKOPEO).as("installed by ./test").isExecutable();
    }

    @Test
    void shouldServeOurExactManifestBytesToSkopeo() throws Exception {
        Path dir = temp.resolve("layout");
        OciLayout layout = OciLayout.open(dir);
        Manifest manifest = TestKits.writeBlobs(layout, "model");
        layout.putManifest(manifest, List.of("v1"));

        byte[] printed = run("inspect", "--raw", "oci:" + dir + ":v1");

        assertThat(printed).isEqualTo(manifest.bytes());
    }

    @Test
    void shouldBeCopiedBySkopeoWithIdenticalBlobs() throws Exception {
        Path source = temp.resolve("source");
        Path target = temp.resolve("target");
        OciLayout layout = OciLayout.open(source);
        Manifest manifest = TestKits.writeBlobs(layout, "model");
        layout.putManifest(manifest, List.of("v1"));

        run("copy", "--quiet", "oci:" + source + ":v1", "oci:" + target + ":v1");

        OciLayout copy = OciLayout.openExisting(target);
        Descriptor copied = copy.resolve("v1").orElseThrow();
        assertThat(copied.digest()).isEqualTo(manifest.digest());
        assertThat(copy.readManifest(copied.digest())).isEqualTo(manifest);
        List<Descriptor> blobs = new ArrayList<>(manifest.layers());
        blobs.add(manifest.config());
        for (Descriptor blob : blobs) {
            assertThat(copy.blobPath(blob.digest())).hasSameBinaryContentAs(layout.blobPath(blob.digest()));
        }
        // and we can keep writing into the layout skopeo created
        copy.tag(copied, "v2");
        assertThat(run("inspect", "--raw", "oci:" + target + ":v2")).isEqualTo(manifest.bytes());
    }

    @Test
    void shouldServeTheLocalStoreByFullReference() throws Exception {
        LocalStore store = LocalStore.open(temp.resolve("home/storage"));
        Manifest manifest = TestKits.writeBlobs(store.layout(), "model");
        store.save(manifest, List.of(Reference.parse("team/model:1.0")));

        byte[] printed = run("inspect", "--raw", "oci:" + store.layout().root() + ":localhost/team/model:1.0");

        assertThat(printed).isEqualTo(manifest.bytes());
    }

    private static byte[] run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(SKOPEO.toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE).start();
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("skopeo %s: %s", command, err).isZero();
        return out;
    }
}
