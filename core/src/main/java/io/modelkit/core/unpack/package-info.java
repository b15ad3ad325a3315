/**
 * Safe extraction of ModelKit layers: the low level under {@code unpack}.
 *
 * <p>A layer blob is a tar stream or, for {@code raw} layers, the bytes of one file, optionally
 * compressed with gzip or zstd as the media type's suffix says (read with
 * {@link io.modelkit.core.oci.LayerMediaType}, decoded by {@link LayerDecoder}). {@link LayerExtractor} takes a blob and what the
 * manifest says about it ({@link LayerSource}), hashes it while reading
 * ({@link io.modelkit.core.oci.VerifyingInputStream}), and moves the extracted files into place only after the digest
 * and size have matched, so a corrupt layer leaves nothing behind.
 *
 * <p>{@link SafeTarExtractor} reads tar headers itself (USTAR, PAX, GNU long names) and extracts
 * only regular files and directories: links, devices, FIFOs, absolute names, {@code ..} components
 * and paths through a symbolic link already on disk are refused with an error naming the entry.
 * {@link RawLayerExtractor} writes a raw layer's single file under the same rules.
 * {@link ExtractOptions} carries kit's overwrite and ignore-existing choices and the base directory
 * used for layers written before kit 0.5.0.
 *
 * <p>Memory stays flat whatever the layer size: content streams through one 1 MiB buffer and is
 * never held in memory. Which layers to extract, and where the Kitfile goes, is decided by the
 * caller.
 */
package io.modelkit.core.unpack;
