package io.jenkins.plugins.modelkit.agent;

import hudson.model.TaskListener;
import io.modelkit.core.inspect.ModelKitReader;
import io.modelkit.core.oci.Location;
import io.modelkit.core.oci.Reference;
import io.modelkit.core.transfer.CopyResult;
import io.modelkit.core.transfer.Endpoints;
import io.modelkit.core.transfer.StoreEndpoint;
import java.io.File;

/** {@code modelkitPull} on the agent: copies a ModelKit from a registry into the agent's store, every blob verified. */
public final class PullCallable extends ModelKitCallable {
    private static final long serialVersionUID = 1L;

    private final String reference;

    public PullCallable(TaskListener listener, AgentSettings settings, String reference) {
        super(listener, settings);
        this.reference = reference;
    }

    @Override
    ModelKitSummary run(File workspace, AgentContext context) {
        Endpoints endpoints = context.endpoints();
        Reference from = Endpoints.registryReference(Location.parse(reference), "reference");
        StoreEndpoint into = new StoreEndpoint(endpoints.localStore(), from);
        CopyResult pulled = context.copier().copy(endpoints.registry(from), into);
        context.progress().info("Pulled " + from + " (" + pulled.manifest().digest() + "; " + pulled.blobsCopied()
                + " blobs received, " + pulled.blobsSkipped() + " already here)");
        var contents = ModelKitReader.read(into);
        return Summaries.transferred(ModelKitSummary.of(from.toString(), contents.manifest(), contents.kitfile()), pulled);
    }
}
