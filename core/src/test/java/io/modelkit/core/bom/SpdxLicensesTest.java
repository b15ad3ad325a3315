package io.modelkit.core.bom;

import static org.assertj.core.api.Assertions.assertThat;

import org.cyclonedx.model.LicenseChoice;
import org.junit.jupiter.api.Test;

class SpdxLicensesTest {
    @Test
    void shouldWriteAKnownIdInItsListedSpelling() {
        LicenseChoice choice = SpdxLicenses.choice("apache-2.0");
        assertThat(choice.getLicenses()).singleElement().satisfies(license -> {
            assertThat(license.getId()).isEqualTo("Apache-2.0");
            assertThat(license.getName()).isNull();
        });
    }

    @Test
    void shouldWriteExpressionsAsExpressions() {
        assertThat(SpdxLicenses.choice("GPL-2.0-only WITH Classpath-exception-2.0").getExpression().getValue())
                .isEqualTo("GPL-2.0-only WITH Classpath-exception-2.0");
        assertThat(SpdxLicenses.choice("LicenseRef-acme-model").getExpression().getValue())
                .isEqualTo("LicenseRef-acme-model");
    }

    @Test
    void shouldWriteAnythingElseAsAName() {
        LicenseChoice choice = SpdxLicenses.choice(" Llama 3.1 Community License ");
        assertThat(choice.getLicenses()).singleElement().satisfies(license -> {
            assertThat(license.getName()).isEqualTo("Llama 3.1 Community License");
            assertThat(license.getId()).isNull();
        });
        assertThat(SpdxLicenses.choice(null)).isNull();
        assertThat(SpdxLicenses.choice(" ")).isNull();
    }
}
