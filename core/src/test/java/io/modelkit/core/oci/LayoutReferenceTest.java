package io.modelkit.core.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelkit.core.ModelKitException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LayoutReferenceTest {
    private static final String DIGEST = "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            oci:build/layout                   | build/layout      | -                  | -
            oci:build/layout:v1                | build/layout      | v1                 | -
            oci:/tmp/layout:1.0.0-rc_1         | /tmp/layout       | 1.0.0-rc_1         | -
            oci:.:latest                       | .                 | latest             | -
            oci:storage:localhost/repo:tag     | storage           | localhost/repo:tag | -
            oci:out@sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a | out | - | sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a
            """)
    void shouldParseSkopeoStyleLayouts(String text, String path, String name, String digest) {
        Location location = Location.parse(text);

        assertThat(location).isInstanceOf(LayoutReference.class);
        LayoutReference layout = (LayoutReference) location;
        assertThat(layout.path()).isEqualTo(Path.of(path));
        assertThat(layout.refName()).isEqualTo(name);
        assertThat(layout.digest()).isEqualTo(digest == null ? null : Digest.parse(digest));
        assertThat(layout).hasToString(text);
        assertThat(Location.parse(layout.toString())).isEqualTo(layout);
    }

    @Test
    void shouldParseEverythingElseAsReference() {
        assertThat(Location.parse("reg.io/model:1")).isEqualTo(Reference.parse("reg.io/model:1"));
        assertThat(Location.parse("ocimodel:1")).isInstanceOf(Reference.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            oci:              | invalid layout reference 'oci:': missing layout directory path
            oci::v1           | invalid layout reference 'oci::v1': missing layout directory path
            oci:dir:          | invalid layout reference 'oci:dir:': empty tag after ':'
            oci:dir:bad tag   | invalid layout reference 'oci:dir:bad tag': 'bad tag' is not a valid tag or image-layout ref name (layout dir)
            oci:dir@sha256:ab | invalid layout reference 'oci:dir@sha256:ab': invalid sha256 digest 'sha256:ab'
            """)
    void shouldExplainBadLayoutReferences(String text, String message) {
        assertThatThrownBy(() -> Location.parse(text)).isInstanceOf(ModelKitException.class).hasMessageStartingWith(message);
    }

    @Test
    void shouldPinDigest() {
        LayoutReference layout = LayoutReference.parse("oci:dir@" + DIGEST);

        assertThat(layout.name()).isEmpty();
        assertThat(layout.digest()).hasToString(DIGEST);
    }
}
