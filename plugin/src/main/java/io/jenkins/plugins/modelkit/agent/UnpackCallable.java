package io.jenkins.plugins.modelkit.agent;

import hudson.model.TaskListener;
import io.modelkit.core.inspect.ModelKitReader;
import io.modelkit.core.oci.Location;
import io.modelkit.core.transfer.Endpoint;
import io.modelkit.core.unpack.UnpackFilter;
import io.modelkit.core.unpack.UnpackRequest;
import io.modelkit.core.unpack.UnpackResult;
import io.modelkit.core.unpack.Unpacker;
import java.io.File;
import java.util.List;

/**
 * {@code modelkitUnpack} on the agent: unpacks into the directory the step named, every layer
 * verified; from a registry only the layers the filters select are fetched.
 */
public final class UnpackCallable extends ModelKitCallable {
    private static final long serialVersionUID = 1L;

    private final String reference;
    private final List<String> filters;
    private final boolean overwrite;
    private final boolean ignoreExisting;
    private final boolean remote;

    public UnpackCallable(TaskListener listener, AgentSettings settings, String reference, List<String> filters,
            boolean overwrite, boolean ignoreExisting, boolean remote) {
        super(listener, settings);
        this.reference = reference;
        this.filters = List.copyOf(filters);
        this.overwrite = overwrite;
        this.ignoreExisting = ignoreExisting;
        this.remote = remote;
    }

    @Override
    ModelKitSummary run(File targetDir, AgentContext context) {
        Location source = Location.parse(reference);
        UnpackRequest.Builder request = UnpackRequest.builder(source, targetDir.toPath())
                .overwrite(overwrite)
                .ignoreExisting(ignoreExisting)
                .listener(context.progress());
        filters.stream().map(UnpackFilter::parse).forEach(request::filter);
        Endpoint origin = context.endpoints().reading(source, remote);
        UnpackResult result = Unpacker.unpack(request.build(), origin);
        context.progress().info("Unpacked " + result.manifest() + " into " + result.targetDir() + " (" + result.files()
                + " files from " + result.layers() + " layers)");
        var contents = ModelKitReader.read(origin);
        return ModelKitSummary.of(reference, contents.manifest(), contents.kitfile())
                .with("directory", result.targetDir().toString())
                .with("files", result.files())
                .with("bytes", result.bytes());
    }
}
