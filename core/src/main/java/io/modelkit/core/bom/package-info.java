/**
 * AI bill of materials: {@link io.modelkit.core.bom.ModelKitBom} describes a ModelKit as a CycloneDX
 * 1.6 JSON document, with the kit itself as the BOM's subject, its model (with a model card), model
 * parts, datasets, code, docs, prompts and MCP servers as components, each hashed by its layer
 * digest, and the dependency graph between them.
 */
package io.modelkit.core.bom;
