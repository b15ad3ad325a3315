/**
 * The OCI distribution client: {@link io.modelkit.core.registry.RegistryClient} on
 * {@code java.net.http}. It moves blobs (HEAD, ranged GET, monolithic or chunked upload that
 * resumes from the offset the registry reports, cross-repository mount), keeps manifests as their
 * exact bytes and checks their digests, lists tags, and reads and writes referrers, maintaining the
 * {@code sha256-<hex>} fallback index on registries without the referrers API.
 *
 * <p>Authentication answers the registry's challenges (Basic, or Bearer tokens cached per scope,
 * with the OAuth2 refresh-token flow for identity tokens); credentials come from
 * {@link io.modelkit.core.registry.auth.CredentialProvider}. Redirects are followed by the client
 * so that {@code Authorization} never reaches another host. 429, 500, 502, 503, 504 and I/O errors are
 * retried with bounded exponential backoff ({@link io.modelkit.core.registry.RetryPolicy}). Every
 * failure is a {@link io.modelkit.core.registry.RegistryException} naming the registry, repository
 * and reference with the registry's own error code, never a secret.
 */
package io.modelkit.core.registry;
