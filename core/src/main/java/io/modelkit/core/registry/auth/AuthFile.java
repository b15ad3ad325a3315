package io.modelkit.core.registry.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelkit.core.ModelKitException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * One file in Docker's config format ({@code config.json}, podman's {@code auth.json}, our
 * {@code credentials.json}), read as a JSON tree so that fields this code does not know survive a
 * rewrite. A missing file reads as an empty one.
 */
final class AuthFile {
    static final String AUTHS = "auths";
    static final String CRED_HELPERS = "credHelpers";
    static final String CREDS_STORE = "credsStore";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path path;
    private final ObjectNode root;

    private AuthFile(Path path, ObjectNode root) {
        this.path = path;
        this.root = root;
    }

    static AuthFile read(Path path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return new AuthFile(path, JsonNodeFactory.instance.objectNode());
        } catch (IOException e) {
            throw new ModelKitException("cannot read registry credentials file " + path + ": " + e.getMessage(), e);
        }
        if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            return new AuthFile(path, JsonNodeFactory.instance.objectNode());
        }
        try {
            JsonNode tree = JSON.readTree(bytes);
            if (!(tree instanceof ObjectNode object)) {
                throw new ModelKitException("registry credentials file " + path + " is not a JSON object");
            }
            return new AuthFile(path, object);
        } catch (JsonProcessingException e) {
            // the parser's message may quote the file's content, which holds secrets: give the position only
            throw new ModelKitException("registry credentials file " + path + " is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new ModelKitException("cannot read registry credentials file " + path + ": " + e.getMessage(), e);
        }
    }

    Path path() {
        return path;
    }

    /** The credential helper named in {@code credHelpers} for {@code host}, if any. */
    Optional<String> credentialHelperFor(String host) {
        JsonNode helpers = root.path(CRED_HELPERS);
        return ConfigKeys.find(fieldNames(helpers), host)
                .map(key -> helperName(helpers.get(key), CRED_HELPERS + "." + key));
    }

    /** The default credential helper, {@code credsStore}, if any. */
    Optional<String> credentialsStore() {
        JsonNode store = root.get(CREDS_STORE);
        if (store == null || store.isNull() || store.asText().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(helperName(store, CREDS_STORE));
    }

    /** The credential written in {@code auths} for {@code host}, if any. */
    Optional<Credential> inlineCredentialFor(String host) {
        JsonNode auths = root.path(AUTHS);
        return ConfigKeys.find(fieldNames(auths), host)
                .flatMap(key -> decodeEntry(auths.get(key), AUTHS + "." + key));
    }

    /** The {@code auths} keys that apply to {@code host}, in every spelling. */
    List<String> authKeysFor(String host) {
        List<String> keys = new ArrayList<>();
        for (String key : fieldNames(root.path(AUTHS))) {
            if (key.equals(RegistryHost.configKey(host)) || RegistryHost.matches(key, host)) {
                keys.add(key);
            }
        }
        return keys;
    }

    ObjectNode root() {
        return root;
    }

    /** The {@code auths} object, created if the file has none. */
    ObjectNode auths() {
        JsonNode auths = root.get(AUTHS);
        if (auths instanceof ObjectNode object) {
            return object;
        }
        if (auths != null && !auths.isNull()) {
            throw new ModelKitException("field auths of " + path + " is not a JSON object");
        }
        return root.putObject(AUTHS);
    }

    byte[] toBytes() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new ModelKitException("cannot encode registry credentials for " + path, e);
        }
    }

    private Optional<Credential> decodeEntry(JsonNode entry, String field) {
        if (entry == null || !entry.isObject()) {
            return Optional.empty();
        }
        String username = entry.path("username").asText("");
        String password = entry.path("password").asText("");
        String auth = entry.path("auth").asText("");
        if (!auth.isEmpty()) {
            String decoded = decodeAuth(auth, field);
            int colon = decoded.indexOf(':');
            username = decoded.substring(0, colon);
            // Docker trims NULs that some old tools padded the password with
            password = decoded.substring(colon + 1).replaceAll("^\u0000+|\u0000+$", "");
        }
        String identityToken = entry.path("identitytoken").asText("");
        if (!identityToken.isEmpty()) {
            String tokenUser = username.isEmpty() ? CredentialHelperRunner.TOKEN_USERNAME : username;
            return Optional.of(new Credential(tokenUser, identityToken, true));
        }
        if (password.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Credential.password(username, password));
    }

    private String decodeAuth(String auth, String field) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(auth.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ModelKitException("field " + field + ".auth of " + path + " is not base64");
        }
        if (decoded.indexOf(':') < 0) {
            throw new ModelKitException("field " + field + ".auth of " + path + " is not base64 of user:password");
        }
        return decoded;
    }

    private String helperName(JsonNode value, String field) {
        String name = value == null ? "" : value.asText("");
        // the name becomes part of a program name: no path may sneak in through a config file
        if (name.isEmpty() || !name.matches("[A-Za-z0-9._-]+")) {
            throw new ModelKitException("field " + field + " of " + path + " is not a credential helper name: '" + name + "'");
        }
        return name;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }
}
