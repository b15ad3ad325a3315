package io.jenkins.plugins.modelkit.agent;

import hudson.model.TaskListener;
import io.modelkit.core.oci.Location;
import io.modelkit.core.oci.Reference;
import io.modelkit.core.pack.Compression;
import io.modelkit.core.pack.PackFormat;
import io.modelkit.core.pack.PackPlan;
import io.modelkit.core.pack.PackRequest;
import io.modelkit.core.pack.PackResult;
import io.modelkit.core.pack.Packer;
import io.modelkit.core.pack.SourceDateEpoch;
import io.modelkit.core.transfer.CopyResult;
import io.modelkit.core.transfer.Endpoints;
import io.modelkit.core.transfer.PackSource;
import io.modelkit.core.transfer.StoreEndpoint;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code modelkitPack} on the agent: packs the context directory into the store (the embedded one,
 * or the {@code oci:} layout the reference names), then pushes it if asked; with {@code pushOnly}
 * the layers go straight to the registry and nothing is stored on the agent.
 */
public final class PackCallable extends ModelKitCallable {
    private static final long serialVersionUID = 1L;

    private final String kitfile;
    private final String reference;
    private final String compression;
    private final String format;
    private final boolean push;
    private final boolean pushOnly;
    private final Integer parallelism;

    /**
     * @param kitfile absolute path of the Kitfile on the agent, or null to find it in the context directory
     * @param reference where to store (and push) the ModelKit, or null for an untagged ModelKit in the local store
     */
    public PackCallable(TaskListener listener, AgentSettings settings, String kitfile, String reference, String compression,
            String format, boolean push, boolean pushOnly, Integer parallelism) {
        super(listener, settings);
        this.kitfile = kitfile;
        this.reference = reference;
        this.compression = compression;
        this.format = format;
        this.push = push;
        this.pushOnly = pushOnly;
        this.parallelism = parallelism;
    }

    @Override
    ModelKitSummary run(File contextDir, AgentContext context) throws IOException {
        PackRequest.Builder request = PackRequest.builder(contextDir.toPath())
                .compression(Compression.parse(compression))
                .format(PackFormat.parse(format))
                .listener(context.progress());
        SourceDateEpoch.from(context.settings().env()).ifPresent(request::created);
        if (parallelism != null) {
            request.parallelism(parallelism);
        }
        if (kitfile != null) {
            request.kitfile(Path.of(kitfile));
        }
        Location target = reference == null ? null : Location.parse(reference);
        if (target != null) {
            request.target(target);
        }
        Endpoints endpoints = context.endpoints();
        if (pushOnly) {
            Reference registry = Endpoints.registryReference(target, "reference with pushOnly");
            PackPlan plan = Packer.plan(request.build());
            CopyResult pushed;
            try (PackSource source = new PackSource(plan)) {
                pushed = context.copier().copy(source, endpoints.registry(registry));
            }
            context.progress().info("Pushed " + pushed.manifest().digest() + " to " + registry + " without a local copy ("
                    + pushed.blobsCopied() + " blobs sent, " + pushed.blobsSkipped() + " already there)");
            return Summaries.pushed(ModelKitSummary.of(registry.toString(), plan.manifest(), plan.kitfile()), pushed);
        }
        Reference registry = push ? Endpoints.registryReference(target, "reference with push") : null;
        StoreEndpoint store = target == null ? null : endpoints.storing(target);
        PackResult result = Packer.pack(request.build(), store == null ? endpoints.localStore() : store.store());
        context.progress().info("Packed " + result.descriptor().digest() + (target == null ? "" : " as " + target));
        ModelKitSummary summary = ModelKitSummary.of(target == null ? result.descriptor().digest().toString() : target.toString(),
                result.manifest(), result.kitfile());
        if (registry == null) {
            return summary.with("pushed", false);
        }
        CopyResult pushed = context.copier().copy(store, endpoints.registry(registry));
        context.progress().info("Pushed " + pushed.manifest().digest() + " to " + registry + " (" + pushed.blobsCopied()
                + " blobs sent, " + pushed.blobsSkipped() + " already there)");
        return Summaries.pushed(summary, pushed);
    }
}
