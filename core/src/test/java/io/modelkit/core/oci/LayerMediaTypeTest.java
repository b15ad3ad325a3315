package io.modelkit.core.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelkit.core.ModelKitException;
import io.modelkit.core.oci.LayerMediaType.Compression;
import io.modelkit.core.oci.LayerMediaType.Family;
import io.modelkit.core.oci.LayerMediaType.Format;
import io.modelkit.core.oci.LayerMediaType.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LayerMediaTypeTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            application/vnd.kitops.modelkit.model.v1.tar            | KITOPS    | MODEL      | TAR | NONE
            application/vnd.kitops.modelkit.modelpart.v1.tar+gzip   | KITOPS    | MODEL_PART | TAR | GZIP
            application/vnd.kitops.modelkit.code.v1.tar+zstd        | KITOPS    | CODE       | TAR | ZSTD
            application/vnd.kitops.modelkit.dataset.v1.tar+gzip     | KITOPS    | DATASET    | TAR | GZIP
            application/vnd.kitops.modelkit.docs.v1.raw             | KITOPS    | DOCS       | RAW | NONE
            application/vnd.kitops.modelkit.mcpb.v1.raw             | KITOPS    | MCPB       | RAW | NONE
            application/vnd.cncf.model.weight.v1.raw                | MODELPACK | MODEL      | RAW | NONE
            application/vnd.cncf.model.weight.config.v1.tar         | MODELPACK | MODEL_PART | TAR | NONE
            application/vnd.cncf.model.doc.v1.tar+gzip              | MODELPACK | DOCS       | TAR | GZIP
            application/vnd.cncf.model.code.v1.tar+zstd             | MODELPACK | CODE       | TAR | ZSTD
            application/vnd.cncf.model.dataset.v1.tar               | MODELPACK | DATASET    | TAR | NONE
            """)
    void shouldParseAndPrintBothFamilies(String text, Family family, Kind kind, Format format, Compression compression) {
        LayerMediaType parsed = LayerMediaType.parse(text);

        assertThat(parsed).isEqualTo(new LayerMediaType(family, kind, format, compression));
        assertThat(parsed).hasToString(text);
    }

    @Test
    void shouldBuildKitMediaTypes() {
        assertThat(LayerMediaType.kit(Kind.DATASET, Format.TAR, Compression.GZIP))
                .hasToString("application/vnd.kitops.modelkit.dataset.v1.tar+gzip");
        assertThat(LayerMediaType.modelPack(Kind.MODEL, Format.TAR, Compression.ZSTD))
                .hasToString("application/vnd.cncf.model.weight.v1.tar+zstd");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            application/vnd.kitops.modelkit.prompt.v1.tar           | invalid layer media type 'application/vnd.kitops.modelkit.prompt.v1.tar': unknown layer type 'prompt'
            application/vnd.kitops.modelkit.model.v1.zip            | invalid layer media type 'application/vnd.kitops.modelkit.model.v1.zip': unknown layer format 'zip' (expected tar or raw)
            application/vnd.kitops.modelkit.model.v1.tar+bzip2      | invalid layer media type 'application/vnd.kitops.modelkit.model.v1.tar+bzip2': unknown compression 'bzip2' (expected gzip or zstd)
            application/vnd.cncf.model.weight.v1.raw+gzip           | invalid layer media type 'application/vnd.cncf.model.weight.v1.raw+gzip': ModelPack does not allow compression of raw layers (gzip)
            application/vnd.cncf.model.mcpb.v1.raw                  | invalid layer media type 'application/vnd.cncf.model.mcpb.v1.raw': unknown layer type 'mcpb'
            application/vnd.kitops.modelkit.config.v1+json          | unrecognized layer media type 'application/vnd.kitops.modelkit.config.v1+json'
            application/vnd.oci.image.layer.v1.tar                  | unrecognized layer media type 'application/vnd.oci.image.layer.v1.tar'
            """)
    void shouldRejectWhatKitRejects(String text, String message) {
        assertThatThrownBy(() -> LayerMediaType.parse(text)).isInstanceOf(ModelKitException.class).hasMessage(message);
        assertThat(LayerMediaType.tryParse(text)).isEmpty();
    }

    @Test
    void shouldRefuseMcpBundleInModelPack() {
        assertThatThrownBy(() -> LayerMediaType.modelPack(Kind.MCPB, Format.RAW, Compression.NONE))
                .hasMessage("layer kind mcpb has no ModelPack media type");
    }
}
