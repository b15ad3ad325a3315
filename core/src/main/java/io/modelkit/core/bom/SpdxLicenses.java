package io.modelkit.core.bom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.cyclonedx.model.License;
import org.cyclonedx.model.LicenseChoice;
import org.cyclonedx.model.license.Expression;

/**
 * Turns a Kitfile {@code license} into a CycloneDX license: an SPDX license id when it is one, an SPDX
 * expression when it has operators or a {@code LicenseRef-}, else a license name. The ids are those of the
 * {@code spdx.schema.json} the CycloneDX schema validates {@code license.id} against, so an id written
 * here always validates.
 */
final class SpdxLicenses {
    private static final String SCHEMA = "spdx.schema.json";
    private static final Pattern EXPRESSION = Pattern.compile(".*(\\s(AND|OR|WITH)\\s|\\(|(^|:)LicenseRef-).*");
    private static volatile Map<String, String> ids;

    private SpdxLicenses() {
    }

    /** The license choice for {@code license}, or null when there is none. */
    static LicenseChoice choice(String license) {
        if (license == null || license.isBlank()) {
            return null;
        }
        String text = license.strip();
        LicenseChoice choice = new LicenseChoice();
        String id = ids().get(text.toLowerCase(Locale.ROOT));
        if (id != null) {
            License spdx = new License();
            spdx.setId(id);
            choice.addLicense(spdx);
        } else if (EXPRESSION.matcher(text).matches()) {
            choice.setExpression(new Expression(text));
        } else {
            License named = new License();
            named.setName(text);
            choice.addLicense(named);
        }
        return choice;
    }

    /** SPDX ids are case-insensitive: lowercased id to its listed spelling. */
    private static Map<String, String> ids() {
        Map<String, String> loaded = ids;
        if (loaded == null) {
            loaded = load();
            ids = loaded;
        }
        return loaded;
    }

    private static Map<String, String> load() {
        try (InputStream in = License.class.getClassLoader().getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMA + " is missing from the CycloneDX library on the class path");
            }
            JsonNode schema = new ObjectMapper().readTree(in);
            Map<String, String> byLowerCase = new HashMap<>();
            schema.path("enum").forEach(id -> byLowerCase.put(id.asText().toLowerCase(Locale.ROOT), id.asText()));
            return Map.copyOf(byLowerCase);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SCHEMA + " from the CycloneDX library", e);
        }
    }
}
