package io.modelkit.core.transfer;

import io.modelkit.core.ModelKitException;
import io.modelkit.core.ProgressInputStream;
import io.modelkit.core.ProgressListener;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.Manifest;
import io.modelkit.core.registry.BlobSource;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one copy engine: push (store to registry), pull (registry to store) and promotion (registry
 * to registry) all move a manifest's blobs the target lacks, several at once, then the manifest
 * last, so that a name never points at a ModelKit whose blobs are not all there. Blobs the target
 * holds are skipped; blobs in another repository of the same registry are mounted, not copied.
 */
public final class Copier {
    private final int concurrency;
    private final ProgressListener listener;

    public Copier(int concurrency, ProgressListener listener) {
        if (concurrency < 1) {
            throw new ModelKitException("concurrency must be at least 1, was " + concurrency);
        }
        this.concurrency = concurrency;
        this.listener = listener;
    }

    public CopyResult copy(ModelKitSource from, Endpoint to) {
        ManifestBytes manifest = from.manifest();
        Manifest parsed = manifest.parse();
        Map<String, Descriptor> blobs = new LinkedHashMap<>();
        blobs.put(parsed.config().digest().toString(), parsed.config());
        parsed.layers().forEach(layer -> blobs.putIfAbsent(layer.digest().toString(), layer));

        // one overall line besides the per-blob ones: blobs skipped or mounted count as done at once
        String overall = from.describe() + " -> " + to.describe();
        listener.started(overall, blobs.values().stream().mapToLong(Descriptor::size).sum());
        AtomicInteger copied = new AtomicInteger();
        AtomicInteger mounted = new AtomicInteger();
        AtomicInteger skipped = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        ExecutorService executor = Executors.newFixedThreadPool(Math.min(concurrency, blobs.size()), runnable -> {
            Thread thread = new Thread(runnable, "modelkit-copy");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Descriptor blob : blobs.values()) {
                futures.add(executor.submit(() -> {
                    if (to.hasBlob(blob)) {
                        skipped.incrementAndGet();
                    } else if (mount(from, to, blob)) {
                        mounted.incrementAndGet();
                    } else {
                        transfer(from, to, blob);
                        copied.incrementAndGet();
                        bytes.addAndGet(blob.size());
                    }
                    listener.advanced(overall, blob.size());
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelKitException("copy of " + from.describe() + " to " + to.describe() + " was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new ModelKitException("cannot copy " + from.describe() + " to " + to.describe() + ": "
                    + e.getCause().getMessage(), e.getCause());
        } finally {
            executor.shutdownNow();
            listener.finished(overall);
        }
        Descriptor named = to.putManifest(manifest);
        return new CopyResult(named, copied.get(), mounted.get(), skipped.get(), bytes.get());
    }

    private static boolean mount(ModelKitSource from, Endpoint to, Descriptor blob) {
        if (from instanceof RegistryEndpoint source && to instanceof RegistryEndpoint target
                && source.client().registry().equals(target.client().registry())
                && !source.reference().repository().equals(target.reference().repository())) {
            return target.mount(blob, source.reference().repository());
        }
        return false;
    }

    private void transfer(ModelKitSource from, Endpoint to, Descriptor blob) {
        String task = "blob " + blob.digest().hex().substring(0, 12);
        listener.started(task, blob.size());
        try {
            AtomicBoolean opened = new AtomicBoolean();
            BlobSource source = offset -> {
                if (!opened.getAndSet(true) && offset > 0) {
                    // bytes an earlier, interrupted copy left behind count as done
                    listener.info("resuming " + task + " at byte " + offset);
                    listener.advanced(task, offset);
                }
                return new ProgressInputStream(from.openBlob(blob, offset), listener, task);
            };
            if (from instanceof RegistryEndpoint && to instanceof RegistryEndpoint target) {
                // between registries the source serves any range again, so one PUT at the full rate beats
                // resumable chunks (distribution stores and re-reads every PATCH)
                target.putBlobFromRegistry(blob, source);
            } else {
                to.putBlob(blob, source);
            }
        } catch (UncheckedIOException e) {
            throw new ModelKitException("cannot copy " + task + " of " + from.describe() + " to " + to.describe() + ": "
                    + e.getMessage(), e);
        } finally {
            listener.finished(task);
        }
    }
}
