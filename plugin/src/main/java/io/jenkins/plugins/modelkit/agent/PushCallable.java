package io.jenkins.plugins.modelkit.agent;

import hudson.model.TaskListener;
import io.modelkit.core.inspect.ModelKitReader;
import io.modelkit.core.oci.Location;
import io.modelkit.core.oci.Reference;
import io.modelkit.core.transfer.CopyResult;
import io.modelkit.core.transfer.Endpoint;
import io.modelkit.core.transfer.Endpoints;
import java.io.File;

/** {@code modelkitPush} on the agent: copies a ModelKit from the agent's store or a layout to a registry. */
public final class PushCallable extends ModelKitCallable {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String destination;

    /** @param destination the registry reference, or null when {@code source} names the registry itself */
    public PushCallable(TaskListener listener, AgentSettings settings, String source, String destination) {
        super(listener, settings);
        this.source = source;
        this.destination = destination;
    }

    @Override
    ModelKitSummary run(File workspace, AgentContext context) {
        Endpoints endpoints = context.endpoints();
        Location from = Location.parse(source);
        Reference to = Endpoints.registryReference(Location.parse(destination != null ? destination : source), "destination");
        Endpoint origin = endpoints.reading(from, false);
        CopyResult pushed = context.copier().copy(origin, endpoints.registry(to));
        context.progress().info("Pushed " + pushed.manifest().digest() + " to " + to + " (" + pushed.blobsCopied()
                + " blobs sent, " + pushed.blobsSkipped() + " already there"
                + (pushed.blobsMounted() > 0 ? ", " + pushed.blobsMounted() + " mounted" : "") + ")");
        var contents = ModelKitReader.read(origin);
        return Summaries.pushed(ModelKitSummary.of(to.toString(), contents.manifest(), contents.kitfile()), pushed);
    }
}
