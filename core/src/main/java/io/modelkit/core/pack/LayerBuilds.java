package io.modelkit.core.pack;

import io.modelkit.core.kitfile.GoPaths;
import io.modelkit.core.ModelKitException;
import io.modelkit.core.kitfile.LayerEntry;
import io.modelkit.core.kitfile.LayerKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Builds every layer of a pack, several at once, each into an uncommitted {@link LayerSink}. The
 * caller commits them all at the end ({@link #commit}); closing without committing (after any
 * failure or interruption) discards every temporary blob, so the store is left as it was.
 */
final class LayerBuilds implements AutoCloseable {
    private final Path context;
    private final List<LayerEntry> entries;
    private final List<String> allPaths;
    private final IgnoreRules ignore;
    private final PackRequest request;
    private final LayerSink.Factory sinks;
    private final List<Pending> built = new ArrayList<>();

    LayerBuilds(Path context, List<LayerEntry> entries, IgnoreRules ignore, PackRequest request,
            LayerSink.Factory sinks) {
        this.context = context;
        this.entries = entries;
        this.allPaths = entries.stream().map(LayerEntry::path).toList();
        this.ignore = ignore;
        this.request = request;
        this.sinks = sinks;
    }

    /** Writes every layer into a temporary blob; nothing is visible in the store yet. */
    List<BuiltLayer> build() {
        if (entries.isEmpty()) {
            return List.of();
        }
        int threads = Math.min(request.parallelism(), entries.size());
        ExecutorService executor = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "modelkit-pack");
            thread.setDaemon(true);
            return thread;
        });
        List<Future<Pending>> futures = new ArrayList<>();
        CompletionService<Pending> completions = new ExecutorCompletionService<>(executor);
        try {
            for (LayerEntry entry : entries) {
                futures.add(completions.submit(() -> build(entry)));
            }
            // in the order they finish, so that a failing layer stops the pack at once
            for (int i = 0; i < futures.size(); i++) {
                completions.take().get();
            }
            for (Future<Pending> future : futures) {
                built.add(future.get());
            }
            return built.stream().map(Pending::layer).toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelKitException("pack of " + context + " was interrupted; nothing was stored", e);
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        } finally {
            stop(executor);
            // a build that finished after another one failed still holds an open writer
            for (Future<Pending> future : futures) {
                if (future.isDone() && !future.isCancelled()) {
                    finishedWriter(future).ifPresent(writer -> {
                        if (built.stream().noneMatch(pending -> pending.writer() == writer)) {
                            discard(writer);
                        }
                    });
                }
            }
        }
    }

    /** Renames every built layer into the blob store. */
    void commit() {
        try {
            for (Pending layer : built) {
                layer.writer().commit(layer.layer().result().digest());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store a layer of " + context + ": " + e.getMessage(), e);
        }
    }

    /** Discards the temporary blob of every layer not committed. */
    @Override
    public void close() {
        built.forEach(pending -> discard(pending.writer()));
    }

    private Pending build(LayerEntry entry) throws IOException {
        String task = taskName(entry);
        LayerSink writer = sinks.open();
        try {
            LayerResult result;
            String metadata = null;
            List<TarEntrySource> contents = null;
            if (entry.kind() == LayerKind.MCP_SERVER) {
                Path file = context.resolve(entry.path());
                metadata = RawFileMetadata.of(file);
                result = LayerWriter.writeRawLayer(file, Compression.NONE, writer.stream(), request.listener(), task);
            } else {
                contents = LayerContents.collect(context, entry.path(), allPaths, ignore, request.listener());
                result = LayerWriter.writeTarLayer(context, contents, request.compression(), writer.stream(),
                        request.listener(), task);
            }
            writer.stream().flush();
            return new Pending(new BuiltLayer(entry, result, metadata, contents), writer);
        } catch (RuntimeException | IOException | Error e) {
            discard(writer);
            throw e;
        }
    }

    /** Interrupts the builds still running and waits for them, so that none outlives the pack. */
    private static void stop(ExecutorService executor) {
        executor.shutdownNow();
        try {
            executor.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.Optional<LayerSink> finishedWriter(Future<Pending> future) {
        try {
            return java.util.Optional.of(future.get().writer());
        } catch (ExecutionException | InterruptedException e) {
            return java.util.Optional.empty(); // that build failed and discarded its own writer
        }
    }

    private static void discard(LayerSink writer) {
        try {
            writer.close();
        } catch (IOException e) {
            // the temporary file is gone or will be removed by the next gc; nothing was stored
        }
    }

    private static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof IOException io) {
            return new UncheckedIOException(io.getMessage(), io);
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new ModelKitException(String.valueOf(cause.getMessage()), cause);
    }

    static String taskName(LayerEntry entry) {
        String kind = switch (entry.kind()) {
            case MODEL -> "model";
            case MODEL_PART -> "model part";
            case CODE -> "code";
            case DATASET -> "dataset";
            case DOCS -> "docs";
            case PROMPT -> "prompt";
            case MCP_SERVER -> "MCP server";
        };
        return kind + " " + GoPaths.clean(entry.path());
    }

    private record Pending(BuiltLayer layer, LayerSink writer) {
    }
}
