package io.jenkins.plugins.modelkit.agent;

import io.modelkit.core.ModelKitException;
import io.modelkit.core.oci.Location;
import io.modelkit.core.oci.Reference;
import io.modelkit.core.provenance.oci.AttestationStore;
import io.modelkit.core.provenance.oci.RegistryAttestationStore;
import io.modelkit.core.provenance.oci.StoreAttestationStore;
import io.modelkit.core.transfer.Endpoint;
import io.modelkit.core.transfer.Endpoints;
import io.modelkit.core.transfer.RegistryEndpoint;
import io.modelkit.core.transfer.StoreEndpoint;

/**
 * Where the attestations and referrers of a ModelKit live: the registry repository when the
 * reference names a registry (even if the agent's store holds a copy, since that is where others
 * look for them), else the store or {@code oci:} layout the ModelKit was read from.
 */
final class AttestationStores {
    private AttestationStores() {
    }

    static AttestationStore of(Location location, Endpoint source, Endpoints endpoints) {
        if (location instanceof Reference reference && !reference.hasDefaultRegistry()) {
            RegistryEndpoint registry = source instanceof RegistryEndpoint remote ? remote : endpoints.registry(reference);
            return new RegistryAttestationStore(registry.client(), reference.repository());
        }
        if (source instanceof StoreEndpoint store) {
            return new StoreAttestationStore(store.store(), store.location());
        }
        throw new ModelKitException("cannot store attestations for " + location + ": not a registry, store or layout");
    }
}
