package io.modelkit.core.pack;

import io.modelkit.core.ModelKitException;
import io.modelkit.core.oci.LayerMediaType;
import java.util.Locale;

/** Which of the two ModelKit forms a pack writes. */
public enum PackFormat {
    /** The KitOps ModelKit: config is the Kitfile as JSON. */
    MODELKIT(LayerMediaType.Family.KITOPS),
    /** The CNCF ModelPack (model-spec): config per the spec, the Kitfile in an annotation. */
    MODELPACK(LayerMediaType.Family.MODELPACK);

    private final LayerMediaType.Family family;

    PackFormat(LayerMediaType.Family family) {
        this.family = family;
    }

    public LayerMediaType.Family family() {
        return family;
    }

    /** Parses {@code modelkit} or {@code modelpack}. */
    public static PackFormat parse(String text) {
        for (PackFormat format : values()) {
            if (format.name().equalsIgnoreCase(text)) {
                return format;
            }
        }
        throw new ModelKitException("unknown format '" + text + "': expected modelkit or modelpack");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
