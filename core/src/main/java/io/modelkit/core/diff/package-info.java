/**
 * ModelKit diff: what changed between two ModelKits, as Kitfile fields, a deep diff of the
 * hyperparameters, per-entry content and, with the meaning of {@code kit diff}, the layers they share.
 * {@link io.modelkit.core.diff.ModelKitDiff#compare} is the entry point; {@link io.modelkit.core.diff.DiffText},
 * {@link io.modelkit.core.diff.DiffMarkdown} and {@link io.modelkit.core.diff.ModelKitDiffResult#toJson()} render it.
 */
package io.modelkit.core.diff;
