package io.modelkit.core.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelkit.core.ModelKitException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReferenceTest {
    private static final String DIGEST = "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a";

    // The cases of kit's own parser table (pkg/lib/repo/util/reference_test.go), plus localhost forms.
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            testregistry.io/test-organization/test-repository:test-tag | testregistry.io | test-organization/test-repository | test-tag | - | -
            testregistry.io/test-organization/test-repository:test-tag,extraTag1,extraTag2 | testregistry.io | test-organization/test-repository | test-tag | - | extraTag1 extraTag2
            test-repository:test-tag,extraTag1,extraTag2 | localhost | test-repository | test-tag | - | extraTag1 extraTag2
            localhost:5000/test-organization/test-repository:test-tag,extraTag1,extraTag2 | localhost:5000 | test-organization/test-repository | test-tag | - | extraTag1 extraTag2
            sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a | localhost | _ | - | sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a | -
            test-organization/test-repository:test-tag,extraTag1,extraTag2 | localhost | test-organization/test-repository | test-tag | - | extraTag1 extraTag2
            a/b/c/d | localhost | a/b/c/d | latest | - | -
            test.io/a/b/c/d | test.io | a/b/c/d | latest | - | -
            testrepo@sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a | localhost | testrepo | - | sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a | -
            testrepo:ignoredtag@sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a | localhost | testrepo | - | sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a | -
            testorg/testrepo@sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a | localhost | testorg/testrepo | - | sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a | -
            testorg.com/testrepo@sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a | testorg.com | testrepo | - | sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a | -
            localhost/team/model:1.0 | localhost | team/model | 1.0 | - | -
            registry.example.com:5000/team/model | registry.example.com:5000 | team/model | latest | - | -
            127.0.0.1:5000/model:v1_rc.2 | 127.0.0.1:5000 | model | v1_rc.2 | - | -
            my-org__x/model.name-v2:_1 | localhost | my-org__x/model.name-v2 | _1 | - | -
            """)
    void shouldParseLikeKit(String text, String registry, String repository, String tag, String digest, String extraTags) {
        Reference reference = Reference.parse(text);

        assertThat(reference.registry()).isEqualTo(registry);
        assertThat(reference.repository()).isEqualTo(repository);
        assertThat(reference.tag()).isEqualTo(tag);
        assertThat(reference.digest()).isEqualTo(digest == null ? null : Digest.parse(digest));
        assertThat(reference.extraTags()).isEqualTo(extraTags == null ? List.of() : List.of(extraTags.split(" ")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            model                                  | localhost/model:latest                 | model:latest
            org/model:1.0                          | localhost/org/model:1.0                | org/model:1.0
            reg.io/org/model:1.0,extra             | reg.io/org/model:1.0                   | reg.io/org/model:1.0
            localhost:5000/model:1                 | localhost:5000/model:1                 | localhost:5000/model:1
            sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a | localhost/_@sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a | sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a
            """)
    void shouldPrintFullAndDisplayForms(String text, String full, String display) {
        Reference reference = Reference.parse(text);

        assertThat(reference).hasToString(full);
        assertThat(reference.displayName()).isEqualTo(display);
        assertThat(Reference.parse(full)).isEqualTo(reference.extraTags().isEmpty() ? reference : reference.withTag(reference.tag()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Org/Model:1                | invalid reference 'Org/Model:1': repository 'Org/Model' must be lowercase
            model:bad/tag              | invalid reference 'model:bad/tag': invalid registry 'model:bad'
            model:bad*tag              | invalid reference 'model:bad*tag': tag 'bad*tag' is not valid
            model:.hidden              | invalid reference 'model:.hidden': tag '.hidden' is not valid
            model:                     | invalid reference 'model:': tag '' is not valid
            -model                     | invalid reference '-model': repository '-model' is not a valid repository name
            model-                     | invalid reference 'model-': repository 'model-' is not a valid repository name
            reg.io//model              | invalid reference 'reg.io//model': repository '/model' is not a valid repository name
            reg.io/                    | invalid reference 'reg.io/': repository name is empty
            bad_host.io/model          | invalid reference 'bad_host.io/model': invalid registry 'bad_host.io'
            host:port/model            | invalid reference 'host:port/model': invalid registry 'host:port'
            model@sha256:abc           | invalid reference 'model@sha256:abc': invalid sha256 digest 'sha256:abc'
            model@md5:abc              | invalid reference 'model@md5:abc': unsupported digest algorithm 'md5'
            model:1,,2                 | invalid reference 'model:1,,2': empty tag in the comma-separated tag list
            model:1,bad tag            | invalid reference 'model:1,bad tag': tag 'bad tag' is not valid
            _:1                        | invalid reference '_:1': repository '_' is not a valid repository name
            """)
    void shouldExplainWhatIsWrong(String text, String message) {
        assertThatThrownBy(() -> Reference.parse(text)).isInstanceOf(ModelKitException.class).hasMessageStartingWith(message);
    }

    @Test
    void shouldRejectEmptyReference() {
        assertThatThrownBy(() -> Reference.parse("")).hasMessage("invalid reference '': reference is empty");
        assertThatThrownBy(() -> Reference.parse(null)).hasMessage("invalid reference '': reference is empty");
    }

    @Test
    void shouldRejectTagLongerThan128() {
        String tag = "t".repeat(128);

        assertThat(Reference.parse("model:" + tag).tag()).isEqualTo(tag);
        assertThatThrownBy(() -> Reference.parse("model:" + tag + "x")).hasMessageContaining("is not valid");
    }

    @Test
    void shouldListAllTagsAsReferences() {
        Reference reference = Reference.parse("reg.io/m:1.0,1,latest");

        assertThat(reference.tags()).containsExactly("1.0", "1", "latest");
        assertThat(reference.taggedReferences()).extracting(Reference::toString)
                .containsExactly("reg.io/m:1.0", "reg.io/m:1", "reg.io/m:latest");
        assertThat(reference.reference()).isEqualTo("1.0");
        assertThat(reference.repositoryName()).isEqualTo("reg.io/m");
        assertThat(reference.hasDefaultRegistry()).isFalse();
    }

    @Test
    void shouldPinToDigest() {
        Reference pinned = Reference.parse("reg.io/m:1.0").withDigest(Digest.parse(DIGEST));

        assertThat(pinned).hasToString("reg.io/m@" + DIGEST);
        assertThat(pinned.isDigest()).isTrue();
        assertThat(pinned.reference()).isEqualTo(DIGEST);
        assertThat(pinned.tags()).isEmpty();
    }
}
