/**
 * Building ModelKit layers byte for byte as {@code kit pack} builds them.
 *
 * <p>The parts, in the order a packer uses them:
 * <ul>
 *   <li>{@link io.modelkit.core.pack.IgnoreRules}: {@code .kitignore} with Docker's patternmatcher
 *       semantics, plus kit's built-in exclusion of the Kitfile and the ignore file;</li>
 *   <li>{@link io.modelkit.core.pack.LayerContents}: the context walk that decides which files and
 *       directories go into one layer, and in which order;</li>
 *   <li>{@link io.modelkit.core.pack.LayerWriter}: streams a tar (or raw) layer through the chosen
 *       {@link io.modelkit.core.pack.Compression} into an output stream, computing the diffId, digest and
 *       size in the same pass, with Go {@code archive/tar}'s exact headers (uid 1000, gid 0, mtime 0,
 *       USTAR, PAX when needed, two zero blocks at the end).</li>
 * </ul>
 * With {@link io.modelkit.core.pack.Compression#NONE} the layer bytes, and so the digests, equal kit's
 * for the same files and permission bits. With gzip or zstd only the diffId matches, because the
 * compressors are not Go's.
 */
package io.modelkit.core.pack;
