/**
 * Kitfiles exactly as {@code kit} reads and writes them: the {@link io.modelkit.core.kitfile.Kitfile}
 * model and its entries, strict YAML reading that refuses unknown fields and hostile input
 * ({@link io.modelkit.core.kitfile.KitfileReader}), kit's validation rules and messages
 * ({@link io.modelkit.core.kitfile.KitfileValidator}), the ModelKit config blob byte for byte as Go's
 * {@code json.Marshal} writes it and its reading back ({@link io.modelkit.core.kitfile.KitfileJson}), YAML
 * output as yaml.v3 writes it on unpack ({@link io.modelkit.core.kitfile.KitfileYaml}), finding a context's
 * Kitfile ({@link io.modelkit.core.kitfile.KitfileLocator}) and generating one from a directory as
 * {@code kit init} does ({@link io.modelkit.core.kitfile.KitfileGenerator}). Go and yaml.v3 behaviour that
 * matters for byte-exact output or for accepting the same files (scalar resolution, timestamps, number
 * formatting, key order, path and URL parsing) is reproduced in small package-private classes.
 */
package io.modelkit.core.kitfile;
