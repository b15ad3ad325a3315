package io.modelkit.core.kitfile;

import java.util.ArrayList;
import java.util.List;

/**
 * A Kitfile, field for field as kit's {@code KitFile} struct. Absent text is null, absent lists are
 * empty, an absent {@code model} is null; {@code kitPackage} is never null (kit's package is a struct
 * value, so "absent" and "empty" are the same thing there).
 */
public record Kitfile(String manifestVersion, KitPackage kitPackage, Model model, List<Code> code,
                      List<Dataset> datasets, List<Docs> docs, List<Prompt> prompts, List<McpServer> mcpServers) {

    public Kitfile {
        manifestVersion = Texts.emptyToNull(manifestVersion);
        kitPackage = kitPackage == null ? KitPackage.empty() : kitPackage;
        code = Texts.listOf(code);
        datasets = Texts.listOf(datasets);
        docs = Texts.listOf(docs);
        prompts = Texts.listOf(prompts);
        mcpServers = Texts.listOf(mcpServers);
    }

    /**
     * The entries that become layers, in kit's layer order: the model path (unless empty or a ModelKit
     * reference), each model part, code, each dataset without {@code remotePath}, docs, prompts and MCP servers.
     */
    public List<LayerEntry> layerEntries() {
        List<LayerEntry> entries = new ArrayList<>();
        if (modelHasLayer()) {
            entries.add(new LayerEntry(LayerKind.MODEL, 0, model.name(), model.path()));
        }
        if (model != null) {
            for (int i = 0; i < model.parts().size(); i++) {
                ModelPart part = model.parts().get(i);
                entries.add(new LayerEntry(LayerKind.MODEL_PART, i, part.name(), Texts.orEmpty(part.path())));
            }
        }
        for (int i = 0; i < code.size(); i++) {
            entries.add(new LayerEntry(LayerKind.CODE, i, null, Texts.orEmpty(code.get(i).path())));
        }
        for (int i = 0; i < datasets.size(); i++) {
            Dataset dataset = datasets.get(i);
            if (dataset.remotePath() == null) {
                entries.add(new LayerEntry(LayerKind.DATASET, i, dataset.name(), Texts.orEmpty(dataset.path())));
            }
        }
        for (int i = 0; i < docs.size(); i++) {
            entries.add(new LayerEntry(LayerKind.DOCS, i, null, Texts.orEmpty(docs.get(i).path())));
        }
        for (int i = 0; i < prompts.size(); i++) {
            Prompt prompt = prompts.get(i);
            entries.add(new LayerEntry(LayerKind.PROMPT, i, prompt.name(), Texts.orEmpty(prompt.path())));
        }
        for (int i = 0; i < mcpServers.size(); i++) {
            McpServer server = mcpServers.get(i);
            entries.add(new LayerEntry(LayerKind.MCP_SERVER, i, server.name(), Texts.orEmpty(server.path())));
        }
        return entries;
    }

    /** The LayerInfo of each entry of {@link #layerEntries()}, in the same order; null where none is recorded. */
    public List<LayerInfo> layerInfos() {
        List<LayerInfo> infos = new ArrayList<>();
        for (LayerEntry entry : layerEntries()) {
            infos.add(layerInfo(entry));
        }
        return infos;
    }

    /** The LayerInfo recorded for one of this Kitfile's layer entries, or null. */
    public LayerInfo layerInfo(LayerEntry entry) {
        return switch (entry.kind()) {
            case MODEL -> model.layer();
            case MODEL_PART -> model.parts().get(entry.index()).layer();
            case CODE -> code.get(entry.index()).layer();
            case DATASET -> datasets.get(entry.index()).layer();
            case DOCS -> docs.get(entry.index()).layer();
            case PROMPT -> prompts.get(entry.index()).layer();
            case MCP_SERVER -> mcpServers.get(entry.index()).layer();
        };
    }

    /**
     * A copy whose layer-backed entries carry {@code infos}, given in {@link #layerEntries()} order, as
     * kit fills in digests while packing. Entries without a layer keep what they had.
     */
    public Kitfile withLayers(List<LayerInfo> infos) {
        List<LayerEntry> entries = layerEntries();
        if (infos.size() != entries.size()) {
            throw new IllegalArgumentException("expected " + entries.size() + " layer infos, one per layer entry, but got "
                    + infos.size());
        }
        Model newModel = model;
        List<ModelPart> parts = model == null ? List.of() : new ArrayList<>(model.parts());
        LayerInfo modelLayer = model == null ? null : model.layer();
        List<Code> newCode = new ArrayList<>(code);
        List<Dataset> newDatasets = new ArrayList<>(datasets);
        List<Docs> newDocs = new ArrayList<>(docs);
        List<Prompt> newPrompts = new ArrayList<>(prompts);
        List<McpServer> newServers = new ArrayList<>(mcpServers);
        for (int i = 0; i < entries.size(); i++) {
            LayerEntry entry = entries.get(i);
            LayerInfo info = infos.get(i);
            int at = entry.index();
            switch (entry.kind()) {
                case MODEL -> modelLayer = info;
                case MODEL_PART -> parts.set(at, parts.get(at).withLayer(info));
                case CODE -> newCode.set(at, newCode.get(at).withLayer(info));
                case DATASET -> newDatasets.set(at, newDatasets.get(at).withLayer(info));
                case DOCS -> newDocs.set(at, newDocs.get(at).withLayer(info));
                case PROMPT -> newPrompts.set(at, newPrompts.get(at).withLayer(info));
                case MCP_SERVER -> newServers.set(at, newServers.get(at).withLayer(info));
            }
        }
        if (model != null) {
            newModel = model.with(parts, modelLayer);
        }
        return new Kitfile(manifestVersion, kitPackage, newModel, newCode, newDatasets, newDocs, newPrompts, newServers);
    }

    /** A copy without any LayerInfo, as a Kitfile read from YAML is. */
    public Kitfile withoutLayers() {
        Model bare = model == null ? null
                : model.with(model.parts().stream().map(part -> part.withLayer(null)).toList(), null);
        return new Kitfile(manifestVersion, kitPackage, bare,
                code.stream().map(entry -> entry.withLayer(null)).toList(),
                datasets.stream().map(entry -> entry.withLayer(null)).toList(),
                docs.stream().map(entry -> entry.withLayer(null)).toList(),
                prompts.stream().map(entry -> entry.withLayer(null)).toList(),
                mcpServers.stream().map(entry -> entry.withLayer(null)).toList());
    }

    private boolean modelHasLayer() {
        return model != null && model.path() != null && !ModelKitReferences.isReference(model.path());
    }
}
