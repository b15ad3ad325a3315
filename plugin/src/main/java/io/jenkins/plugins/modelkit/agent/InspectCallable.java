package io.jenkins.plugins.modelkit.agent;

import hudson.model.TaskListener;
import io.modelkit.core.inspect.ModelKitContents;
import io.modelkit.core.inspect.ModelKitReader;
import io.modelkit.core.oci.Location;
import java.io.File;

/** {@code modelkitInspect} on the agent: the manifest and Kitfile of a stored or remote ModelKit. */
public final class InspectCallable extends ModelKitCallable {
    private static final long serialVersionUID = 1L;

    private final String reference;
    private final boolean remote;

    public InspectCallable(TaskListener listener, AgentSettings settings, String reference, boolean remote) {
        super(listener, settings);
        this.reference = reference;
        this.remote = remote;
    }

    @Override
    ModelKitSummary run(File workspace, AgentContext context) {
        ModelKitContents contents = ModelKitReader.read(context.endpoints().reading(Location.parse(reference), remote));
        return ModelKitSummary.of(reference, contents.manifest(), contents.kitfile());
    }
}
