package io.modelkit.core.pack;

import io.modelkit.core.json.GoJson;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelkit.core.ModelKitException;
import io.modelkit.core.kitfile.Code;
import io.modelkit.core.kitfile.Dataset;
import io.modelkit.core.kitfile.KitPackage;
import io.modelkit.core.kitfile.Kitfile;
import io.modelkit.core.kitfile.LayerEntry;
import io.modelkit.core.kitfile.LayerKind;
import io.modelkit.core.kitfile.ModelPart;
import io.modelkit.core.oci.Digest;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.TreeSet;

/**
 * The config blob of a CNCF ModelPack (model-spec v1), derived from the Kitfile as kit derives it:
 * fields in the spec's Go struct order, empty ones left out.
 */
final class ModelPackConfig {
    private ModelPackConfig() {
    }

    /** ModelPack has no layer type for MCP bundles, so kit refuses them. */
    static void checkSupported(List<LayerEntry> entries, String kitfileName) {
        for (LayerEntry entry : entries) {
            if (entry.kind() == LayerKind.MCP_SERVER) {
                throw new ModelKitException(kitfileName + ": mcpServers[" + entry.index() + "] (" + entry.path()
                        + ") cannot be packed as a ModelPack: the ModelPack format has no MCP bundle layer");
            }
        }
    }

    static ObjectNode of(Kitfile kitfile, Instant created, List<Digest> diffIds) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode config = json.objectNode();
        ObjectNode descriptor = config.putObject("descriptor");
        descriptor.put("createdAt", DateTimeFormatter.ISO_INSTANT.format(created));
        KitPackage pkg = kitfile.kitPackage();
        if (pkg != null && pkg.authors() != null && !pkg.authors().isEmpty()) {
            ArrayNode authors = descriptor.putArray("authors");
            pkg.authors().forEach(authors::add);
        }
        putIfPresent(descriptor, "name", pkg == null ? null : pkg.name());
        putIfPresent(descriptor, "version", pkg == null ? null : pkg.version());
        TreeSet<String> licenses = licenses(kitfile);
        if (!licenses.isEmpty()) {
            ArrayNode array = descriptor.putArray("licenses");
            licenses.forEach(array::add);
        }
        putIfPresent(descriptor, "title", pkg == null ? null : pkg.name());
        putIfPresent(descriptor, "description", pkg == null ? null : pkg.description());

        ObjectNode modelfs = config.putObject("modelfs");
        modelfs.put("type", "layers");
        ArrayNode ids = modelfs.putArray("diffIds");
        diffIds.forEach(id -> ids.add(id.toString()));

        ObjectNode modelConfig = config.putObject("config");
        putIfPresent(modelConfig, "format", kitfile.model() == null ? null : kitfile.model().format());
        return config;
    }

    private static TreeSet<String> licenses(Kitfile kitfile) {
        TreeSet<String> licenses = new TreeSet<>(GoJson::compareUtf8);
        if (kitfile.kitPackage() != null) {
            add(licenses, kitfile.kitPackage().license());
        }
        if (kitfile.model() != null) {
            add(licenses, kitfile.model().license());
            for (ModelPart part : kitfile.model().parts()) {
                add(licenses, part.license());
            }
        }
        for (Dataset dataset : kitfile.datasets()) {
            add(licenses, dataset.license());
        }
        for (Code code : kitfile.code()) {
            add(licenses, code.license());
        }
        return licenses;
    }

    private static void add(TreeSet<String> licenses, String license) {
        if (license != null && !license.isEmpty()) {
            licenses.add(license);
        }
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null && !value.isEmpty()) {
            node.put(field, value);
        }
    }
}
