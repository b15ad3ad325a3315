package io.modelkit.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.Manifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OciLayoutConcurrencyTest {
    private static final int THREADS = 8;
    private static final int TAGS_PER_THREAD = 10;

    @TempDir
    Path temp;

    @Test
    void shouldLoseNoEntryWhenEightThreadsPackAndTagAtOnce() throws Exception {
        OciLayout.open(temp);
        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Descriptor>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                Callable<Descriptor> packer = () -> {
                    OciLayout layout = OciLayout.open(temp); // one instance per thread, as separate builds would
                    start.await();
                    Manifest manifest = TestKits.writeBlobs(layout, "kit-" + thread);
                    Descriptor descriptor = layout.putManifest(manifest, List.of("kit-" + thread));
                    for (int i = 0; i < TAGS_PER_THREAD; i++) {
                        layout.tag(descriptor, "kit-" + thread + "-tag-" + i);
                    }
                    return descriptor;
                };
                results.add(pool.submit(packer));
            }
            OciLayout layout = OciLayout.openExisting(temp);
            for (int t = 0; t < THREADS; t++) {
                Descriptor descriptor = results.get(t).get(60, TimeUnit.SECONDS);
                assertThat(layout.resolve("kit-" + t)).contains(descriptor);
                for (int i = 0; i < TAGS_PER_THREAD; i++) {
                    assertThat(layout.resolve("kit-" + t + "-tag-" + i)).contains(descriptor);
                }
            }
            assertThat(layout.entries()).hasSize(THREADS * (TAGS_PER_THREAD + 1));
            assertThat(OciLayoutTest.tempFiles(layout)).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldLoseNoEntryWhenAnotherProcessTagsAtTheSameTime() throws Exception {
        OciLayout layout = OciLayout.open(temp);
        Descriptor kit = layout.putManifest(TestKits.writeBlobs(layout, "shared"), List.of("base"));
        Process other = startProcess("tag", temp.toString(), "other-", String.valueOf(TAGS_PER_THREAD * 4));

        for (int i = 0; i < TAGS_PER_THREAD * 4; i++) {
            layout.tag(kit, "this-" + i);
        }

        assertThat(other.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = new String(other.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(other.exitValue()).as(output).isZero();
        Set<String> names = new HashSet<>();
        layout.entries().forEach(entry -> entry.refName().ifPresent(names::add));
        for (int i = 0; i < TAGS_PER_THREAD * 4; i++) {
            assertThat(names).contains("this-" + i, "other-" + i);
        }
        assertThat(names).hasSize(1 + 2 * TAGS_PER_THREAD * 4);
    }

    @Test
    void shouldKeepAKilledWritersBytesOutOfBlobsAndIndex() throws Exception {
        OciLayout layout = OciLayout.open(temp);
        Descriptor kit = layout.putManifest(TestKits.writeBlobs(layout, "kept"), List.of("base"));
        List<String> blobsBefore = OciLayoutTest.blobFiles(layout);

        Process crashing = startProcess("crash", temp.toString());

        assertThat(crashing.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(crashing.exitValue()).isEqualTo(3);
        assertThat(OciLayoutTest.tempFiles(layout)).singleElement()
                .satisfies(file -> assertThat(file).hasContent("half of a layer"));
        assertThat(OciLayoutTest.blobFiles(layout)).containsExactlyInAnyOrderElementsOf(blobsBefore);
        assertThat(layout.entries()).containsExactly(IndexEntry.named("base", kit));

        assertThat(layout.gc(Duration.ZERO).deletedTempFiles()).isEqualTo(1);
        assertThat(OciLayoutTest.tempFiles(layout)).isEmpty();
        assertThat(OciLayoutTest.blobFiles(layout)).containsExactlyInAnyOrderElementsOf(blobsBefore);
    }

    private static Process startProcess(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LayoutTaggerProcess.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }
}
