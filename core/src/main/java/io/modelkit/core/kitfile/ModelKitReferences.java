package io.modelkit.core.kitfile;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * kit's {@code IsModelKitReference}: text with ':' or '@' that parses as {@code [host[:port]/]repo[:tag|@digest][,tag...]}
 * under kit's and oras's rules. Only used to tell a reference from a path in {@code model.path} and
 * {@code datasets[].remotePath}, so it follows kit exactly, quirks included ({@code data:v1} is a reference).
 */
final class ModelKitReferences {
    /** oras's repository rule, written with possessive quantifiers so that it cannot backtrack. */
    private static final Pattern REPOSITORY = Pattern.compile(
            "[a-z0-9]++(?:(?:\\.|__?|-++)[a-z0-9]++)*+(?:/[a-z0-9]++(?:(?:\\.|__?|-++)[a-z0-9]++)*+)*+");
    private static final Pattern TAG = Pattern.compile("\\w[\\w.-]{0,127}");
    private static final Pattern ANY_ALPHANUMERIC = Pattern.compile("[a-z0-9]");

    private ModelKitReferences() {
    }

    static boolean isReference(String text) {
        if (text.indexOf(':') < 0 && text.indexOf('@') < 0) {
            return false;
        }
        return parses(text);
    }

    private static boolean parses(String text) {
        if (isDigest(text)) {
            return true;
        }
        String unprocessed = text.split(",", -1)[0];
        String registry = "localhost";
        int slash = unprocessed.indexOf('/');
        if (slash >= 0) {
            String first = unprocessed.substring(0, slash);
            if (first.contains(":") || first.contains(".")) {
                registry = first;
                unprocessed = unprocessed.substring(slash + 1);
            }
        }
        String repository;
        String reference = null;
        boolean tag = false;
        int at = unprocessed.indexOf('@');
        int colon = unprocessed.indexOf(':');
        if (at >= 0) {
            repository = unprocessed.substring(0, at);
            reference = unprocessed.substring(at + 1);
            int tagColon = repository.indexOf(':');
            if (tagColon >= 0) {
                repository = repository.substring(0, tagColon);
            }
        } else if (colon >= 0) {
            tag = true;
            repository = unprocessed.substring(0, colon);
            reference = unprocessed.substring(colon + 1);
        } else {
            repository = unprocessed;
        }
        if (!repository.toLowerCase(Locale.ROOT).equals(repository) || !ANY_ALPHANUMERIC.matcher(repository).find()) {
            return false;
        }
        if (!validRegistry(registry) || !REPOSITORY.matcher(repository).matches()) {
            return false;
        }
        if (tag) {
            return TAG.matcher(reference).matches();
        }
        return reference == null || isDigest(reference);
    }

    /** go-digest's {@code Parse}: a registered algorithm and its exact number of lowercase hex digits. */
    static boolean isDigest(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0) {
            return false;
        }
        int length = switch (text.substring(0, colon)) {
            case "sha256" -> 64;
            case "sha384" -> 96;
            case "sha512" -> 128;
            default -> -1;
        };
        String hex = text.substring(colon + 1);
        return hex.length() == length && hex.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f');
    }

    /** oras's check: {@code url.ParseRequestURI("dummy://" + registry)} must give back the registry as its host. */
    private static boolean validRegistry(String registry) {
        return GoUrl.isHostUnchanged(registry);
    }
}
