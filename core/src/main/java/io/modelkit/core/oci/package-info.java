/**
 * OCI values: {@link io.modelkit.core.oci.Digest digests}, {@link io.modelkit.core.oci.Descriptor
 * descriptors}, {@link io.modelkit.core.oci.Manifest manifests} and
 * {@link io.modelkit.core.oci.ImageIndex indexes} kept as their exact bytes, the
 * {@link io.modelkit.core.oci.MediaTypes media types} and
 * {@link io.modelkit.core.oci.LayerMediaType layer media types} of KitOps and ModelPack, and
 * {@link io.modelkit.core.oci.Location locations}: kit-style
 * {@link io.modelkit.core.oci.Reference references} and {@code oci:PATH[:TAG]}
 * {@link io.modelkit.core.oci.LayoutReference layout references}.
 *
 * <p>Manifests are never re-serialized once they exist: their digest is taken over the bytes kit,
 * a registry or a layout gave us. New JSON is written with
 * {@link io.modelkit.core.json.GoJson} in Go's key order, so that it is byte-identical to what
 * kit writes.
 */
package io.modelkit.core.oci;
