package io.modelkit.core.unpack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelkit.core.ModelKitException;
import io.modelkit.core.oci.Digest;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LayerMediaTypeTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "application/vnd.kitops.modelkit.model.v1.tar, TAR, NONE",
        "application/vnd.kitops.modelkit.dataset.v1.tar+gzip, TAR, GZIP",
        "application/vnd.kitops.modelkit.code.v1.tar+zstd, TAR, ZSTD",
        "application/vnd.kitops.modelkit.mcpb.v1.raw, RAW, NONE",
        "application/vnd.kitops.modelkit.modelpart.v1.raw+gzip, RAW, GZIP",
        "application/vnd.cncf.model.weight.v1.tar, TAR, NONE",
        "application/vnd.cncf.model.weight.config.v1.raw, RAW, NONE",
        "application/vnd.cncf.model.doc.v1.tar+zstd, TAR, ZSTD",
    })
    void shouldReadFormatAndCompressionFromTheSuffix(String mediaType, LayerFormat format, Compression compression) {
        assertThat(LayerFormat.fromMediaType(mediaType)).isEqualTo(format);
        assertThat(Compression.fromMediaType(mediaType)).isEqualTo(compression);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "application/vnd.kitops.modelkit.model.v1.tar+xz",
        "application/vnd.kitops.modelkit.model.v1.zip",
        "application/vnd.oci.image.config.v1+json",
    })
    void shouldRefuseUnsupportedMediaTypesNamingThem(String mediaType) {
        assertThatThrownBy(() -> new LayerSource(mediaType, Digest.sha256(new byte[0]), 0, Map.of()))
                .isInstanceOf(ModelKitException.class)
                .hasMessageContaining("'" + mediaType + "'");
    }
}
