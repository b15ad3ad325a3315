package io.modelkit.core.store;

import io.modelkit.core.oci.Descriptor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Run in a second JVM by {@link OciLayoutConcurrencyTest}. {@code tag DIR PREFIX COUNT} tags the
 * manifest named "base" COUNT times; {@code crash DIR} dies half-way through writing a blob.
 */
final class LayoutTaggerProcess {
    private LayoutTaggerProcess() {
    }

    public static void main(String[] args) throws IOException {
        OciLayout layout = OciLayout.openExisting(Path.of(args[1]));
        if (args[0].equals("crash")) {
            BlobWriter writer = layout.openBlobWriter();
            writer.write("half of a layer".getBytes(StandardCharsets.UTF_8));
            writer.flush();
            Runtime.getRuntime().halt(3); // no finally block, no shutdown hook: as if killed
        }
        Descriptor base = layout.resolve("base").orElseThrow();
        int count = Integer.parseInt(args[3]);
        for (int i = 0; i < count; i++) {
            layout.tag(base, args[2] + i);
        }
    }
}
