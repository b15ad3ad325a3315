/**
 * Release dashboard: what each stage holds of each ModelKit, who promoted it and when, its provenance, its
 * gate outcome and how its hyperparameters differ from the previous stage's. {@link
 * io.modelkit.core.dashboard.ReleaseModel} is the value every front-end renders; {@link
 * io.modelkit.core.dashboard.ReleaseJson} writes it as stable JSON and {@link io.modelkit.core.dashboard.Badge}
 * draws a stage as an SVG badge.
 */
package io.modelkit.core.dashboard;
