package io.modelkit.cli.command;

import io.modelkit.core.oci.LayoutReference;
import io.modelkit.core.oci.Location;
import io.modelkit.core.oci.Reference;
import io.modelkit.core.provenance.oci.AttestationStore;
import io.modelkit.core.provenance.oci.RegistryAttestationStore;
import io.modelkit.core.provenance.oci.StoreAttestationStore;
import io.modelkit.core.transfer.Endpoint;
import io.modelkit.core.transfer.RegistryEndpoint;
import io.modelkit.core.transfer.StoreEndpoint;

/** A ModelKit's endpoint with the place its attestations live: its registry repository, or the store it is in. */
record AttestationTarget(Endpoint endpoint, AttestationStore store, String subjectName) {

    static AttestationTarget of(Endpoint endpoint) {
        if (endpoint instanceof RegistryEndpoint registry) {
            Reference reference = registry.reference();
            return new AttestationTarget(endpoint, new RegistryAttestationStore(registry.client(), reference.repository()),
                    reference.registry() + "/" + reference.repository());
        }
        StoreEndpoint store = (StoreEndpoint) endpoint;
        return new AttestationTarget(endpoint, new StoreAttestationStore(store.store(), store.location()),
                subjectName(store.location()));
    }

    /** The statement's subject name: the repository without tag or digest, as cosign names it. */
    private static String subjectName(Location location) {
        if (location instanceof Reference reference) {
            return reference.registry() + "/" + reference.repository();
        }
        return LayoutReference.PREFIX + ((LayoutReference) location).path();
    }
}
