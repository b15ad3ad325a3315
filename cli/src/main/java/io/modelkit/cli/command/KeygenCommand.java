package io.modelkit.cli.command;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelkit.core.AtomicFile;
import io.modelkit.core.ModelKitException;
import io.modelkit.core.provenance.keys.KeyFiles;
import io.modelkit.core.provenance.keys.KeyFingerprint;
import io.modelkit.core.provenance.keys.KeyPairs;
import io.modelkit.core.provenance.keys.SigningKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code modelkit keygen}: a new ECDSA P-256 signing key pair, as PREFIX.key (0600) and PREFIX.pub. */
@Command(
        name = "keygen",
        mixinStandardHelpOptions = true,
        header = "Create a key pair for signing ModelKit attestations.",
        description = "Writes an ECDSA P-256 private key to PREFIX.key, readable by you only (0600), and its public key "
                + "to PREFIX.pub as a PKIX PEM, the format of cosign.pub, which cosign and openssl read. The private "
                + "key is PKCS#8 PEM: unencrypted without a password, encrypted (PBES2, AES-256) with one. "
                + "--cosign-format writes cosign's ENCRYPTED SIGSTORE PRIVATE KEY instead, which always needs a "
                + "password (an empty one is allowed). The password is never taken from the command line: give it on "
                + "standard input with --password-stdin, or in the environment variable " + KeyPassword.VARIABLE
                + "; --password-stdin wins when both are there. Existing files are kept unless --force is given.",
        footer = {
            "",
            "Examples:",
            "  modelkit keygen",
            "  modelkit keygen --output-key-prefix keys/release --force --json",
            "  printf '%%s' \"$KEY_PASSWORD\" | modelkit keygen --password-stdin",
            "  MODELKIT_KEY_PASSWORD=\"$KEY_PASSWORD\" modelkit keygen --cosign-format"
        })
final class KeygenCommand extends StoreCommand {

    @Option(names = "--output-key-prefix", paramLabel = "PREFIX", defaultValue = "modelkit",
            description = "Write PREFIX.key and PREFIX.pub (default: modelkit); PREFIX may include a directory.")
    String prefix;

    @Option(names = "--password-stdin", description = "Read the password of the private key from standard input "
            + "(one trailing line break is removed).")
    boolean passwordStdin;

    @Option(names = "--cosign-format", description = "Write the private key in cosign's encrypted format; needs a password.")
    boolean cosignFormat;

    @Option(names = "--force", description = "Replace PREFIX.key and PREFIX.pub if they exist.")
    boolean force;

    @Option(names = "--json", description = "Print the file names and the fingerprint as JSON.")
    boolean json;

    @Override
    protected void execute() throws Exception {
        Path privateFile = Path.of(prefix + ".key");
        Path publicFile = Path.of(prefix + ".pub");
        checkWritable(privateFile);
        checkWritable(publicFile);
        char[] password = KeyPassword.read(context(), passwordStdin);
        if (cosignFormat && password == null) {
            throw new ModelKitException("--cosign-format needs a password (it may be empty): use --password-stdin or set "
                    + KeyPassword.VARIABLE);
        }
        SigningKey key = KeyPairs.generate();
        byte[] privatePem = null;
        try {
            privatePem = cosignFormat
                    ? KeyFiles.cosignEncryptedPem(key.privateKey(), password)
                    : KeyFiles.privatePem(key.privateKey(), password);
            writePrivate(privateFile, privatePem);
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
            if (privatePem != null) {
                Arrays.fill(privatePem, (byte) 0);
            }
        }
        AtomicFile.write(publicFile, KeyFiles.publicPem(key.publicKey()));
        KeyFingerprint fingerprint = key.fingerprint();
        if (json) {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("privateKey", privateFile.toString());
            node.put("publicKey", publicFile.toString());
            node.put("fingerprint", fingerprint.toString());
            node.put("format", cosignFormat ? "cosign" : "pkcs8");
            node.put("encrypted", password != null);
            printJson(node);
        } else {
            out().println("Private key written to " + privateFile + ", public key to " + publicFile
                    + ", fingerprint " + fingerprint);
        }
    }

    /** Refuses an existing file without --force, and a directory that is not there, before a key is made. */
    private void checkWritable(Path file) {
        if (Files.exists(file) && !force) {
            throw new ModelKitException(file + " already exists: use --force to replace it");
        }
        if (Files.isDirectory(file)) {
            throw new ModelKitException(file + " is a directory");
        }
        Path dir = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            throw new ModelKitException("directory " + dir + " for " + file + " does not exist");
        }
    }

    /** The private key, readable by its owner only from the moment its temporary file exists. */
    private static void writePrivate(Path target, byte[] pem) {
        try {
            AtomicFile.writePrivate(target, pem);
        } catch (IOException e) {
            throw new ModelKitException("cannot write private key file " + target + ": " + e.getMessage(), e);
        }
    }
}
