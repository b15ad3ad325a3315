package io.modelkit.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.modelkit.cli.CliContext;
import io.modelkit.cli.console.ConsoleProgress;
import io.modelkit.core.ProgressListener;
import io.modelkit.core.oci.Location;
import io.modelkit.core.oci.Reference;
import io.modelkit.core.registry.RegistryClient;
import io.modelkit.core.registry.auth.CredentialChain;
import io.modelkit.core.store.LocalStore;
import io.modelkit.core.transfer.Endpoint;
import io.modelkit.core.transfer.Endpoints;
import io.modelkit.core.store.ModelKitHome;
import io.modelkit.core.store.ModelKitStore;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What every subcommand shares: the context (streams, environment), progress on stderr, the
 * store a reference lives in, and JSON output. Subclasses implement {@link #execute()}.
 */
abstract class StoreCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @ParentCommand
    private ModelKitCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        execute();
        context().out().flush();
        return 0;
    }

    protected abstract void execute() throws Exception;

    protected CliContext context() {
        return root.context();
    }

    protected PrintWriter out() {
        return context().out();
    }

    protected boolean quiet() {
        return root.quiet();
    }

    protected ProgressListener progress() {
        CliContext context = context();
        boolean bars = switch (root.progressMode()) {
            case fancy -> true;
            case plain, none -> false;
            case auto -> context.terminal() && !"dumb".equals(context.env().get("TERM"));
        };
        boolean quiet = root.quiet() || root.progressMode() == ModelKitCommand.ProgressMode.none;
        return new ConsoleProgress(context.err(), bars, context.color(), quiet);
    }

    protected Location location(String text) {
        return Location.parse(text);
    }

    /** The store to write {@code location} into, created if needed. */
    protected ModelKitStore storeFor(Location location) {
        return ModelKitStore.forLocation(location, context().env());
    }

    /** The existing store {@code location} lives in; an OCI layout that does not exist is an error. */
    protected ModelKitStore existingStoreFor(Location location) {
        return ModelKitStore.forReading(location, context().env());
    }

    /** The embedded default store under $MODELKIT_HOME. */
    protected LocalStore localStore() {
        return LocalStore.open(ModelKitHome.resolve(context().env()));
    }

    /** How a location is shown: local-store references without the default registry. */
    static String display(Location location) {
        return location instanceof Reference reference ? reference.displayName() : location.toString();
    }

    /** A client for the registry of {@code reference}, with credentials from the usual places. */
    protected RegistryClient registryClient(Reference reference, RegistryOptions options) {
        RegistryClient.Builder builder = RegistryClient.builder(reference.registry())
                .plainHttp(options.plainHttp)
                .credentials(CredentialChain.standard(context().env(), ModelKitHome.resolve(context().env()).path()))
                .progress(progress());
        if (options.tlsCa != null) {
            builder.caCertificates(options.tlsCa);
        }
        return builder.build();
    }

    /** A reference that names a registry, not the local store; the error says how to name one. */
    protected static Reference registryReference(Location location, String what) {
        return Endpoints.registryReference(location, what);
    }

    /**
     * Where to read a ModelKit from: an OCI layout, the local store, or (with {@code remote}, or when
     * the local store lacks a reference that names a registry) the registry.
     */
    protected Endpoint sourceEndpoint(Location location, boolean remote, RegistryOptions options) {
        if (remote && !(location instanceof Reference)) {
            throw new io.modelkit.core.ModelKitException("--remote needs a registry reference, not " + location);
        }
        return new Endpoints(context().env(), reference -> registryClient(reference, options)).reading(location, remote);
    }

    protected void printJson(JsonNode node) throws Exception {
        out().println(JSON.writeValueAsString(node));
    }
}
