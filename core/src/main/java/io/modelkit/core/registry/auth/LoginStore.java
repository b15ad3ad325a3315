package io.modelkit.core.registry.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelkit.core.AtomicFile;
import io.modelkit.core.ModelKitException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The credentials {@code modelkit login} saves and {@code logout} erases:
 * {@code $MODELKIT_HOME/credentials.json}, in Docker's config format ({@code auths} entries with
 * {@code auth} = base64 of {@code user:password}, plus {@code identitytoken} for tokens), so that
 * Docker-aware tools can read it too. Every change rewrites the file through a temporary file that
 * is private (0600) from its creation, before any secret is in it, and an atomic rename: a reader
 * sees the old file or the new one, and no other user ever can.
 */
public final class LoginStore implements CredentialProvider {
    /** The file's name in the ModelKit home. */
    public static final String FILE_NAME = "credentials.json";

    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private final Path file;

    public LoginStore(Path file) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
    }

    /** The store in a ModelKit home directory ({@code $MODELKIT_HOME}). */
    public static LoginStore inHome(Path modelkitHome) {
        return new LoginStore(modelkitHome.resolve(FILE_NAME));
    }

    public Path file() {
        return file;
    }

    @Override
    public Optional<Credential> credentialFor(String registry) {
        RegistryHost.requireValid(registry);
        return AuthFile.read(file).inlineCredentialFor(registry);
    }

    /** Saves {@code credential} for {@code registry}, replacing what was saved for it in any spelling. */
    public void store(String registry, Credential credential) {
        RegistryHost.requireValid(registry);
        Objects.requireNonNull(credential, "credential");
        if (credential.username().contains(":")) {
            throw new ModelKitException("cannot save the login for " + registry + ": the user name contains ':', "
                    + "which the credentials file format cannot hold");
        }
        AuthFile content = AuthFile.read(file);
        ObjectNode auths = content.auths();
        content.authKeysFor(registry).forEach(auths::remove);
        ObjectNode entry = auths.putObject(RegistryHost.configKey(registry));
        if (credential.identityToken()) {
            entry.put("auth", base64(credential.username() + ":"));
            entry.put("identitytoken", credential.secret());
        } else {
            entry.put("auth", base64(credential.username() + ":" + credential.secret()));
        }
        write(content.toBytes());
    }

    /** Forgets the login for {@code registry}; false if there was none. */
    public boolean erase(String registry) {
        RegistryHost.requireValid(registry);
        AuthFile content = AuthFile.read(file);
        var keys = content.authKeysFor(registry);
        if (keys.isEmpty()) {
            return false;
        }
        keys.forEach(content.auths()::remove);
        write(content.toBytes());
        return true;
    }

    private void write(byte[] content) {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Path dir = file.getParent();
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR)}
                        : new FileAttribute<?>[0]);
            }
            // private from its creation, and forced to disk: a login must survive a crash right after it reported success
            AtomicFile.writePrivate(file, content);
        } catch (IOException e) {
            throw new ModelKitException("cannot write registry credentials file " + file + ": " + e.getMessage(), e);
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "LoginStore[" + file + "]";
    }
}
