package io.modelkit.core.bom;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelkit.core.oci.Digest;
import io.modelkit.core.oci.Reference;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OciPurlTest {
    private static final Digest MANIFEST = Digest.sha256("manifest".getBytes(StandardCharsets.UTF_8));

    @Test
    void shouldNameTheLastRepositorySegmentAndEncodeTheDigestColon() {
        assertThat(OciPurl.of(Reference.parse("ghcr.io/acme/models/fraud-detector:v2"), MANIFEST))
                .isEqualTo("pkg:oci/fraud-detector@sha256%3A" + MANIFEST.hex()
                        + "?repository_url=ghcr.io/acme/models/fraud-detector&tag=v2");
    }

    @Test
    void shouldKeepThePortOfTheRegistryAndLeaveOutTheTagOfADigestReference() {
        assertThat(OciPurl.of(Reference.parse("localhost:5000/fraud@" + MANIFEST), MANIFEST))
                .isEqualTo("pkg:oci/fraud@sha256%3A" + MANIFEST.hex() + "?repository_url=localhost:5000/fraud");
    }

    @Test
    void shouldGiveNoRepositoryUrlForKitsPlaceholderRegistry() {
        assertThat(OciPurl.of(Reference.parse("fraud:latest"), MANIFEST))
                .isEqualTo("pkg:oci/fraud@sha256%3A" + MANIFEST.hex() + "?tag=latest");
    }
}
