package io.modelkit.core.bom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Indents the CycloneDX library's compact JSON with two spaces and {@code \n} line ends, keeping its field
 * order. The library's own pretty printer uses the platform's line separator, which would make the bytes
 * (and so the digest of an attached BOM) depend on the machine.
 */
final class BomJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private BomJson() {
    }

    static byte[] indent(byte[] compact) {
        try {
            JsonNode tree = MAPPER.readTree(compact);
            String text = MAPPER.writer(PRETTY).writeValueAsString(tree) + "\n";
            return text.getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the CycloneDX library wrote JSON that does not parse", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
