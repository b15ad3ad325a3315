package io.modelkit.core.kitfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelKitReferencesTest {
    private static final String HEX = "a".repeat(64);

    @ParameterizedTest(name = "[{0}] = {1}")
    @CsvSource(delimiter = '|', value = {
        "docker.io/kit-org/kit-repo:latest        | true",
        "registry.example.com:5000/org/repo:v1.2  | true",
        "localhost:5000/repo                      | true",
        "repo:tag                                 | true",
        "data:v1                                  | true",
        "org/repo:tag,extra,tags                  | true",
        "a--b/c__d.e:tag                          | true",
        "./models/m1:v2                           | true",
        "models/m1.gguf                           | false",
        "C:\\\\models                             | false",
        "s3://bucket/key                          | false",
        "https://example.com/x:1                  | false",
        "org/Repo:tag                             | false",
        "repo:bad tag                             | false",
        "repo:-tag                                | false",
        "a..b:tag                                 | false",
        "reg istry.io/repo:tag                    | false",
        "user@registry.io/repo                    | false",
        "registry.io:port/repo:tag                | false",
        "repo@sha256:abc                          | false",
    })
    void shouldRecogniseReferencesAsKitDoes(String text, boolean reference) {
        assertThat(ModelKitReferences.isReference(text)).isEqualTo(reference);
    }

    @Test
    void shouldAcceptDigests() {
        assertThat(ModelKitReferences.isReference("sha256:" + HEX)).isTrue();
        assertThat(ModelKitReferences.isReference("org/repo@sha256:" + HEX)).isTrue();
        assertThat(ModelKitReferences.isReference("org/repo:tag@sha512:" + "b".repeat(128))).isTrue();
        assertThat(ModelKitReferences.isReference("org/repo@sha256:" + HEX.toUpperCase())).isFalse();
        assertThat(ModelKitReferences.isReference("org/repo@md5:" + HEX)).isFalse();
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.SECONDS)
    void shouldNotBacktrackOnHostileRepositoryNames() {
        assertThat(ModelKitReferences.isReference("a".repeat(50_000) + "!:tag")).isFalse();
        assertThat(ModelKitReferences.isReference("a-".repeat(50_000) + ":tag")).isFalse();
    }
}
