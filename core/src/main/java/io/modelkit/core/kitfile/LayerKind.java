package io.modelkit.core.kitfile;

/** The Kitfile section a layer comes from; prompts are stored as code layers with a subtype annotation. */
public enum LayerKind {
    MODEL, MODEL_PART, CODE, DATASET, DOCS, PROMPT, MCP_SERVER
}
