package io.modelkit.core.kitfile;

/** An entry of {@code mcpServers}: one MCP bundle ({@code .mcpb}) stored verbatim as a raw layer. */
public record McpServer(String name, String path, String description, LayerInfo layer) {
    public McpServer {
        name = Texts.emptyToNull(name);
        path = Texts.emptyToNull(path);
        description = Texts.emptyToNull(description);
        layer = LayerInfo.orNull(layer);
    }

    McpServer withLayer(LayerInfo info) {
        return new McpServer(name, path, description, info);
    }
}
