/**
 * Registry credentials, found where the container ecosystem keeps them: environment variables for
 * CI, the {@code modelkit login} store, podman's {@code $REGISTRY_AUTH_FILE} and Docker's
 * {@code config.json} with its credential helpers, in that order ({@link
 * io.modelkit.core.registry.auth.CredentialChain}). A secret never appears in a {@code toString()}
 * or an exception message.
 */
package io.modelkit.core.registry.auth;
