package io.modelkit.core.provenance.verify;

import io.modelkit.core.ModelKitException;
import io.modelkit.core.ProgressListener;
import io.modelkit.core.oci.Annotations;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.Digest;
import io.modelkit.core.oci.Manifest;
import io.modelkit.core.transfer.ModelKitSource;
import java.io.IOException;
import java.io.InputStream;
import io.modelkit.core.pack.HashingPipeline;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Hashes every blob a manifest names as it streams from where the ModelKit lives, several at once,
 * and compares digest and size: nothing is written anywhere, so a model is checked at the speed of
 * the network and SHA-256.
 */
final class BlobIntegrity {
    private static final int BUFFER = 1 << 20;

    private BlobIntegrity() {
    }

    static List<Check> check(Manifest manifest, ModelKitSource source, int concurrency, ProgressListener listener) {
        Map<Digest, Descriptor> blobs = new LinkedHashMap<>();
        blobs.put(manifest.config().digest(), manifest.config());
        manifest.layers().forEach(layer -> blobs.putIfAbsent(layer.digest(), layer));
        long total = blobs.values().stream().mapToLong(Descriptor::size).sum();
        String overall = "verify " + source.describe();
        listener.started(overall, total);
        ExecutorService executor = Executors.newFixedThreadPool(Math.min(concurrency, blobs.size()), runnable -> {
            Thread thread = new Thread(runnable, "modelkit-verify");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<String>> problems = new ArrayList<>();
            for (Descriptor blob : blobs.values()) {
                problems.add(executor.submit(() -> problem(blob, source, listener, overall)));
            }
            List<Check> checks = new ArrayList<>();
            for (Future<String> problem : problems) {
                String found = problem.get();
                if (found != null) {
                    checks.add(Check.fail("integrity", found));
                }
            }
            if (checks.isEmpty()) {
                checks.add(Check.pass("integrity", blobs.size() + " blobs (" + total + " bytes) match the manifest"));
            }
            return checks;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelKitException("verification of " + source.describe() + " was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new ModelKitException("cannot verify " + source.describe() + ": " + e.getCause().getMessage(), e.getCause());
        } finally {
            executor.shutdownNow();
            listener.finished(overall);
        }
    }

    /** What is wrong with the blob, or null when its bytes match the descriptor. */
    private static String problem(Descriptor blob, ModelKitSource source, ProgressListener listener, String overall) {
        String name = blob.annotation(Annotations.FILEPATH).map(path -> "layer " + path + " (" + blob.digest() + ")")
                .orElse("blob " + blob.digest());
        Digest actual;
        long size = 0;
        // read on this thread, hash on the pipeline's: a download and SHA-256 each fill a core
        try (InputStream in = source.openBlob(blob, 0);
             HashingPipeline hashing = new HashingPipeline(OutputStream.nullOutputStream(), 4, BUFFER)) {
            byte[] buffer = new byte[BUFFER];
            for (int n = in.readNBytes(buffer, 0, BUFFER); n > 0; n = in.readNBytes(buffer, 0, BUFFER)) {
                hashing.write(buffer, 0, n);
                size += n;
                listener.advanced(overall, n);
                if (size > blob.size()) {
                    return name + " has more bytes than the manifest's " + blob.size();
                }
            }
            actual = hashing.finish();
        } catch (IOException | ModelKitException e) {
            return name + " cannot be read: " + e.getMessage();
        }
        if (size != blob.size()) {
            return name + " has " + size + " bytes, the manifest says " + blob.size();
        }
        if (!actual.equals(blob.digest())) {
            return name + " has digest " + actual + ", the manifest says " + blob.digest();
        }
        return null;
    }
}
