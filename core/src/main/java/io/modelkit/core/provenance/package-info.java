/**
 * Signed provenance for ModelKits: {@link io.modelkit.core.provenance.SlsaProvenance SLSA
 * Provenance v1} predicates inside {@link io.modelkit.core.provenance.Statement in-toto
 * statements}, wrapped in {@link io.modelkit.core.provenance.Envelope DSSE envelopes} that
 * {@link io.modelkit.core.provenance.EnvelopeSigner sign} and
 * {@link io.modelkit.core.provenance.EnvelopeVerifier verify} the {@link io.modelkit.core.provenance.Pae
 * PAE} with ECDSA P-256 keys, as cosign does.
 *
 * <p>Statements are serialized once and kept as bytes; verification acts on the envelope's exact
 * payload bytes and never on a re-serialization. Keys are plain JCA {@code PrivateKey} and
 * {@code PublicKey} objects.
 */
package io.modelkit.core.provenance;
