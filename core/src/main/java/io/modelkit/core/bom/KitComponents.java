package io.modelkit.core.bom;

import io.modelkit.core.ModelKitException;
import io.modelkit.core.inspect.BoundLayer;
import io.modelkit.core.inspect.ModelKitContents;
import io.modelkit.core.kitfile.Code;
import io.modelkit.core.kitfile.Dataset;
import io.modelkit.core.kitfile.Docs;
import io.modelkit.core.kitfile.Kitfile;
import io.modelkit.core.kitfile.LayerEntry;
import io.modelkit.core.kitfile.LayerInfo;
import io.modelkit.core.kitfile.LayerKind;
import io.modelkit.core.kitfile.McpServer;
import io.modelkit.core.kitfile.Model;
import io.modelkit.core.kitfile.ModelPart;
import io.modelkit.core.kitfile.Prompt;
import io.modelkit.core.oci.Descriptor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.component.ModelCard;
import org.cyclonedx.model.component.data.ComponentData;
import org.cyclonedx.model.component.data.Content;
import org.cyclonedx.model.component.data.DatasetChoice;
import org.cyclonedx.model.component.modelCard.ModelParameters;

/**
 * The components of one ModelKit, in kit's section order (model, parts, code, datasets, docs, prompts,
 * MCP servers). Each bom-ref is the manifest digest plus the entry's place in the Kitfile
 * ({@code sha256:...#datasets[1]}), so that refs are unique in this BOM and across BOMs of other kits.
 * Entries that kit packs without a layer (a model that is a ModelKit reference, a dataset with a
 * {@code remotePath}) are listed too, without a hash.
 */
final class KitComponents {
    static final String LAYER_MEDIA_TYPE = "modelkit:layer:mediaType";
    static final String LAYER_SIZE = "modelkit:layer:size";
    static final String LAYER_DIFF_ID = "modelkit:layer:diffId";
    static final String PATH = "modelkit:path";

    private final String kitRef;
    private final String where;
    private final Kitfile kitfile;
    private final Map<Slot, BoundLayer> layers = new HashMap<>();
    private final List<Component> all = new ArrayList<>();
    private final List<String> partRefs = new ArrayList<>();
    private String modelRef;

    /** One layer-backed Kitfile entry: its section and its index there. */
    private record Slot(LayerKind kind, int index) {
    }

    private KitComponents(ModelKitContents contents, String kitRef, String where) {
        this.kitRef = kitRef;
        this.where = where;
        this.kitfile = contents.kitfile();
        for (BoundLayer bound : contents.layers()) {
            layers.put(new Slot(bound.entry().kind(), bound.entry().index()), bound);
        }
        for (LayerEntry entry : kitfile.layerEntries()) {
            if (!layers.containsKey(new Slot(entry.kind(), entry.index()))) {
                throw new ModelKitException(where + ": Kitfile entry " + place(entry.kind(), entry.index())
                        + " (" + entry.path() + ") has no layer in the manifest");
            }
        }
    }

    /** The components of {@code contents}; {@code where} names the ModelKit in error messages. */
    static KitComponents of(ModelKitContents contents, String kitRef, String where) {
        KitComponents components = new KitComponents(contents, kitRef, where);
        components.collect();
        return components;
    }

    List<Component> all() {
        return List.copyOf(all);
    }

    /** The bom-ref of the model component, or null when the Kitfile has no model. */
    String modelRef() {
        return modelRef;
    }

    List<String> partRefs() {
        return List.copyOf(partRefs);
    }

    private void collect() {
        Model model = kitfile.model();
        List<String> datasetRefs = new ArrayList<>();
        for (int i = 0; i < kitfile.datasets().size(); i++) {
            datasetRefs.add(ref(LayerKind.DATASET, i));
        }
        if (model != null) {
            all.add(model(model, datasetRefs));
            for (int i = 0; i < model.parts().size(); i++) {
                Component part = part(model.parts().get(i), i);
                partRefs.add(part.getBomRef());
                all.add(part);
            }
        }
        for (int i = 0; i < kitfile.code().size(); i++) {
            all.add(code(kitfile.code().get(i), i));
        }
        for (int i = 0; i < kitfile.datasets().size(); i++) {
            all.add(dataset(kitfile.datasets().get(i), i));
        }
        for (int i = 0; i < kitfile.docs().size(); i++) {
            all.add(docs(kitfile.docs().get(i), i));
        }
        for (int i = 0; i < kitfile.prompts().size(); i++) {
            all.add(prompt(kitfile.prompts().get(i), i));
        }
        for (int i = 0; i < kitfile.mcpServers().size(); i++) {
            all.add(mcpServer(kitfile.mcpServers().get(i), i));
        }
    }

    private Component model(Model model, List<String> datasetRefs) {
        Component component = component(Component.Type.MACHINE_LEARNING_MODEL, LayerKind.MODEL, 0,
                name(model.name(), model.path()), model.path());
        modelRef = component.getBomRef();
        component.setVersion(model.version());
        component.setDescription(model.description());
        component.setLicenses(SpdxLicenses.choice(model.license()));
        addProperty(component, "modelkit:model:framework", model.framework());
        addProperty(component, "modelkit:model:format", model.format());
        if (!layers.containsKey(new Slot(LayerKind.MODEL, 0))) {
            // a model whose path is another ModelKit: that kit's own BOM describes its layers
            addProperty(component, "modelkit:model:reference", model.path());
        }
        ModelCard card = new ModelCard();
        if (!datasetRefs.isEmpty()) {
            ModelParameters parameters = new ModelParameters();
            parameters.setDatasets(datasetRefs.stream().map(KitComponents::datasetChoice).toList());
            card.setModelParameters(parameters);
        }
        List<Property> hyperparameters = ParameterProperties.of(model.parameters());
        if (!hyperparameters.isEmpty()) {
            card.setProperties(hyperparameters);
        }
        if (card.getModelParameters() != null || card.getProperties() != null) {
            component.setModelCard(card);
        }
        return component;
    }

    private Component part(ModelPart part, int index) {
        Component component = component(Component.Type.MACHINE_LEARNING_MODEL, LayerKind.MODEL_PART, index,
                name(part.name(), part.path()), part.path());
        component.setLicenses(SpdxLicenses.choice(part.license()));
        addProperty(component, "modelkit:part:type", part.type());
        return component;
    }

    private Component code(Code code, int index) {
        Component component = component(Component.Type.LIBRARY, LayerKind.CODE, index, name(null, code.path()),
                code.path());
        component.setDescription(code.description());
        component.setLicenses(SpdxLicenses.choice(code.license()));
        return component;
    }

    private Component dataset(Dataset dataset, int index) {
        Component component = component(Component.Type.DATA, LayerKind.DATASET, index,
                name(dataset.name(), dataset.path() != null ? dataset.path() : dataset.remotePath()), dataset.path());
        component.setDescription(dataset.description());
        component.setLicenses(SpdxLicenses.choice(dataset.license()));
        ComponentData data = new ComponentData();
        data.setType(ComponentData.ComponentDataType.DATASET);
        data.setName(component.getName());
        data.setDescription(dataset.description());
        if (dataset.remotePath() != null) {
            Content content = new Content();
            content.setUrl(dataset.remotePath());
            data.setContents(content);
            addProperty(component, "modelkit:dataset:remotePath", dataset.remotePath());
            addProperty(component, "modelkit:dataset:remoteHash", dataset.remoteHash());
        }
        component.setData(List.of(data));
        ParameterProperties.of(dataset.parameters()).forEach(component::addProperty);
        return component;
    }

    private Component docs(Docs docs, int index) {
        Component component = component(Component.Type.FILE, LayerKind.DOCS, index, name(null, docs.path()),
                docs.path());
        component.setDescription(docs.description());
        return component;
    }

    private Component prompt(Prompt prompt, int index) {
        Component component = component(Component.Type.FILE, LayerKind.PROMPT, index,
                name(prompt.name(), prompt.path()), prompt.path());
        component.setDescription(prompt.description());
        return component;
    }

    private Component mcpServer(McpServer server, int index) {
        Component component = component(Component.Type.APPLICATION, LayerKind.MCP_SERVER, index,
                name(server.name(), server.path()), server.path());
        component.setDescription(server.description());
        return component;
    }

    /** A component with its bom-ref, name, path and, where the entry has a layer, the layer's hash and facts. */
    private Component component(Component.Type type, LayerKind kind, int index, String name, String path) {
        Component component = new Component();
        component.setType(type);
        component.setBomRef(ref(kind, index));
        component.setName(name);
        BoundLayer bound = layers.get(new Slot(kind, index));
        if (bound != null) {
            Descriptor layer = bound.descriptor();
            component.addHash(LayerHashes.of(layer.digest(), where));
            addProperty(component, LAYER_MEDIA_TYPE, layer.mediaType());
            addProperty(component, LAYER_SIZE, Long.toString(layer.size()));
            LayerInfo info = kitfile.layerInfo(bound.entry());
            if (info != null && info.diffId() != null) {
                addProperty(component, LAYER_DIFF_ID, info.diffId().toString());
            }
        }
        addProperty(component, PATH, path);
        return component;
    }

    private String ref(LayerKind kind, int index) {
        return kitRef + "#" + place(kind, index);
    }

    /** Where an entry sits in the Kitfile, as a path into its YAML: {@code model.parts[0]}, {@code datasets[1]}. */
    static String place(LayerKind kind, int index) {
        return switch (kind) {
            case MODEL -> "model";
            case MODEL_PART -> "model.parts[" + index + "]";
            case CODE -> "code[" + index + "]";
            case DATASET -> "datasets[" + index + "]";
            case DOCS -> "docs[" + index + "]";
            case PROMPT -> "prompts[" + index + "]";
            case MCP_SERVER -> "mcpServers[" + index + "]";
        };
    }

    /** CycloneDX requires a name: the entry's own, else its path, else {@code .} for the context directory. */
    private static String name(String name, String path) {
        if (name != null) {
            return name;
        }
        return path == null || path.isEmpty() ? "." : path;
    }

    private static DatasetChoice datasetChoice(String ref) {
        DatasetChoice choice = new DatasetChoice();
        choice.setRef(ref);
        return choice;
    }

    private static void addProperty(Component component, String name, String value) {
        if (value != null) {
            component.addProperty(new Property(name, value));
        }
    }
}
