/**
 * Local storage of ModelKits in the standard OCI image layout, readable by skopeo, oras and crane.
 *
 * <p>{@link io.modelkit.core.store.OciLayout} is the layout itself: atomic blob writes through
 * {@link io.modelkit.core.store.BlobWriter}, an {@code index.json} changed only under an exclusive
 * lock that also excludes other processes, named and untagged entries, and garbage collection.
 * {@link io.modelkit.core.store.ModelKitStore} adds the naming rule on top:
 * {@link io.modelkit.core.store.LocalStore} (the embedded store in
 * {@link io.modelkit.core.store.ModelKitHome}, names are full references) and
 * {@link io.modelkit.core.store.LayoutStore} ({@code oci:PATH:TAG}, names are bare tags).
 */
package io.modelkit.core.store;
