/**
 * Serving images built from a ModelKit with jib-core, without a Docker daemon.
 *
 * <p>{@link io.modelkit.core.container.Containerizer} takes a {@link io.modelkit.core.container.ContainerizeRequest}
 * (ModelKit, base image, {@link io.modelkit.core.container.ImageTarget}, model directory, entrypoint,
 * environment, ports, {@link io.modelkit.core.container.ContentKind}s to include) and adds one image layer per
 * selected ModelKit layer on top of the base image, pinned to the digest it had when the build
 * started. Each ModelKit layer is extracted with the verified extraction of {@code unpack} into a
 * temporary directory (jib builds layers from files), which is removed afterwards. Labels are listed
 * in {@link io.modelkit.core.container.ImageLabels}. Without a creation time the image digest depends only
 * on the ModelKit, the base image and the options.
 *
 * <p>The image goes to a registry (jib pushes it, with the tool's credentials), to an OCI archive
 * ({@code tar:FILE}), or to an OCI layout ({@code oci:DIR[:tag]}, filled from jib's archive by
 * {@code OciArchive} through our layout code). With an {@link io.modelkit.core.container.ImageAttestation},
 * {@code ImageProvenance} signs SLSA provenance for the image (the ModelKit and the base image by
 * digest in {@code resolvedDependencies}) and stores it as a Sigstore bundle referrer of the image.
 */
package io.modelkit.core.container;
