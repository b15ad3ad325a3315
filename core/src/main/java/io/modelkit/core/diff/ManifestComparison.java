package io.modelkit.core.diff;

import io.modelkit.core.kitfile.GoPaths;
import io.modelkit.core.oci.Annotations;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.Manifest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two manifests compared as {@code kit diff} compares them: whether the config digests and the manifest
 * annotations are equal, and which layers both hold (shared) or only one holds. A layer of B is shared
 * when A has a not yet matched layer with the same digest and, where both carry the
 * {@code org.cncf.model.filepath} annotation, the same cleaned path (older ModelKits carry none). Each
 * list is ordered by media type, then by manifest order (B's for shared layers, A's and B's for the rest).
 */
public record ManifestComparison(boolean sameConfig, boolean annotationsMatch, List<Descriptor> sharedLayers,
                                 List<Descriptor> uniqueLayersA, List<Descriptor> uniqueLayersB) {
    private static final Comparator<Descriptor> BY_MEDIA_TYPE = Comparator.comparing(Descriptor::mediaType);

    public ManifestComparison {
        sharedLayers = List.copyOf(sharedLayers);
        uniqueLayersA = List.copyOf(uniqueLayersA);
        uniqueLayersB = List.copyOf(uniqueLayersB);
    }

    public static ManifestComparison of(Manifest a, Manifest b) {
        boolean sameConfig = a.config().digest().equals(b.config().digest());
        boolean annotationsMatch = a.annotations().equals(b.annotations());
        Map<String, List<Descriptor>> unmatchedA = new LinkedHashMap<>();
        for (Descriptor layer : a.layers()) {
            unmatchedA.computeIfAbsent(layer.digest().toString(), digest -> new ArrayList<>()).add(layer);
        }
        List<Descriptor> shared = new ArrayList<>();
        List<Descriptor> onlyB = new ArrayList<>();
        for (Descriptor layer : b.layers()) {
            List<Descriptor> candidates = unmatchedA.getOrDefault(layer.digest().toString(), new ArrayList<>());
            int match = indexOfSamePath(candidates, layer);
            if (match >= 0) {
                candidates.remove(match);
                shared.add(layer);
            } else {
                onlyB.add(layer);
            }
        }
        List<Descriptor> onlyA = new ArrayList<>();
        for (Descriptor layer : a.layers()) {
            if (unmatchedA.get(layer.digest().toString()).remove(layer)) {
                onlyA.add(layer);
            }
        }
        shared.sort(BY_MEDIA_TYPE);
        onlyA.sort(BY_MEDIA_TYPE);
        onlyB.sort(BY_MEDIA_TYPE);
        return new ManifestComparison(sameConfig, annotationsMatch, shared, onlyA, onlyB);
    }

    /** True when config, annotations and layers all agree. */
    public boolean same() {
        return sameConfig && annotationsMatch && uniqueLayersA.isEmpty() && uniqueLayersB.isEmpty();
    }

    private static int indexOfSamePath(List<Descriptor> candidates, Descriptor layer) {
        String pathB = layer.annotations().getOrDefault(Annotations.FILEPATH, "");
        for (int i = 0; i < candidates.size(); i++) {
            String pathA = candidates.get(i).annotations().getOrDefault(Annotations.FILEPATH, "");
            if (pathA.isEmpty() || pathB.isEmpty() || GoPaths.clean(pathA).equals(GoPaths.clean(pathB))) {
                return i;
            }
        }
        return -1;
    }
}
