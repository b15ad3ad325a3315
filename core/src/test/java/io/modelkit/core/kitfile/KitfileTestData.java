package io.modelkit.core.kitfile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelkit.core.oci.Digest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Kitfiles used by several tests. */
final class KitfileTestData {
    private static final ObjectMapper JSON = new ObjectMapper();

    private KitfileTestData() {
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Digest digest(String content) {
        return Digest.sha256(content.getBytes(StandardCharsets.UTF_8));
    }

    /** A Kitfile using every section and field. */
    static Kitfile everything() {
        return new Kitfile("1.0.0",
                new KitPackage("demo", "1.2.3", "A demo", "Apache-2.0", List.of("Jane Doe", "Bob, Jr.")),
                new Model("m1", "models/m1.gguf", "MIT", "pytorch", "gguf", "2", "the model",
                        List.of(new ModelPart("lora", "adapters/", "MIT", "lora", null)),
                        json("{\"lr\":0.001,\"epochs\":3,\"layers\":[64,32],\"name\":\"run-1\",\"stop\":null}"), null),
                List.of(new Code("src/", "sources", "MIT", null)),
                List.of(new Dataset("train", "data/train.csv", null, null, "training data", "CC-BY-4.0",
                                json("{\"rows\":10}"), null),
                        new Dataset("remote", "data/remote", "s3://bucket/key", "abc", null, null, null, null)),
                List.of(new Docs("README.md", "readme", null)),
                List.of(new Prompt("system.prompt.md", "the system prompt", "system", null)),
                List.of(new McpServer("fs", "fs.mcpb", "files", null)));
    }
}
