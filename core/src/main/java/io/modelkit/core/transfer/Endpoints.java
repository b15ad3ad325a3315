package io.modelkit.core.transfer;

import io.modelkit.core.ModelKitException;
import io.modelkit.core.oci.Location;
import io.modelkit.core.oci.Reference;
import io.modelkit.core.registry.RegistryClient;
import io.modelkit.core.store.LocalStore;
import io.modelkit.core.store.ModelKitHome;
import io.modelkit.core.store.ModelKitStore;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns what a user typed into the endpoint it names, the same way in every front end: an OCI
 * layout, the local store under {@code $MODELKIT_HOME}, or a registry repository.
 *
 * @param env the environment that locates {@code $MODELKIT_HOME}
 * @param clients makes a registry client for a reference's registry, with the front end's credentials and TLS settings
 */
public record Endpoints(Map<String, String> env, Function<Reference, RegistryClient> clients) {
    public Endpoints {
        env = Map.copyOf(env);
    }

    /** The embedded default store. */
    public LocalStore localStore() {
        return LocalStore.open(ModelKitHome.resolve(env));
    }

    /**
     * Where to read a ModelKit from: an OCI layout, the local store, or (when {@code remote}, or
     * when the local store lacks a reference that names a registry) the registry.
     */
    public Endpoint reading(Location location, boolean remote) {
        if (location instanceof Reference reference) {
            if (!remote) {
                LocalStore local = localStore();
                if (reference.hasDefaultRegistry() || local.resolve(reference).isPresent()) {
                    return new StoreEndpoint(local, reference);
                }
            }
            return registry(registryReference(reference, "reference"));
        }
        if (remote) {
            throw new ModelKitException("reading from the registry needs a registry reference, not " + location);
        }
        return new StoreEndpoint(ModelKitStore.forReading(location, env), location);
    }

    /** Where to write {@code location}: its OCI layout or the local store, created if needed. */
    public StoreEndpoint storing(Location location) {
        return new StoreEndpoint(ModelKitStore.forLocation(location, env), location);
    }

    /** The registry repository a reference names. */
    public RegistryEndpoint registry(Reference reference) {
        return new RegistryEndpoint(clients.apply(reference), reference);
    }

    /**
     * The same ModelKit named by its digest: what was verified, pushed or signed is then read again
     * by digest, never by a tag that may have moved since.
     */
    public static Endpoint pinned(Endpoint endpoint, io.modelkit.core.oci.Digest digest) {
        if (endpoint instanceof RegistryEndpoint registry) {
            return new RegistryEndpoint(registry.client(), registry.reference().withDigest(digest));
        }
        StoreEndpoint store = (StoreEndpoint) endpoint;
        Location location = store.location() instanceof Reference reference ? reference.withDigest(digest)
                : new io.modelkit.core.oci.LayoutReference(((io.modelkit.core.oci.LayoutReference) store.location()).path(), null, digest);
        return new StoreEndpoint(store.store(), location);
    }

    /**
     * {@code location} as a reference that names a registry, not the local store.
     *
     * @param what how the caller calls it in messages, such as "destination"
     * @throws ModelKitException saying how to name a registry
     */
    public static Reference registryReference(Location location, String what) {
        if (location instanceof Reference reference && !reference.hasDefaultRegistry()) {
            return reference;
        }
        throw new ModelKitException(what + " " + location
                + " does not name a registry: write it as host[:port]/repository[:tag], e.g. registry.example.com/team/model:1.0");
    }
}
