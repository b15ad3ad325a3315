package io.modelkit.core.container;

import com.google.cloud.tools.jib.api.Credential;
import com.google.cloud.tools.jib.api.CredentialRetriever;
import com.google.cloud.tools.jib.api.InsecureRegistryException;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.RegistryUnauthorizedException;
import io.modelkit.core.ModelKitException;
import io.modelkit.core.oci.Reference;
import io.modelkit.core.registry.auth.CredentialProvider;
import java.util.Optional;

/**
 * How jib reaches registries the way the rest of the tool does: credentials from the same
 * {@link CredentialProvider} (an identity token goes to jib under its {@code <token>} user name,
 * which jib also reads as a refresh token), and jib's exceptions turned into one line.
 */
final class JibRegistries {
    private JibRegistries() {
    }

    /** {@code reference} as a jib registry image whose credentials are looked up when jib needs them. */
    static RegistryImage image(Reference reference, CredentialProvider credentials) {
        try {
            return RegistryImage.named(reference.toString()).addCredentialRetriever(retriever(reference, credentials));
        } catch (InvalidImageReferenceException e) {
            throw new ModelKitException("jib cannot read the image reference " + reference + ": " + e.getMessage(), e);
        }
    }

    private static CredentialRetriever retriever(Reference reference, CredentialProvider credentials) {
        return () -> credentials.credentialFor(reference.registry())
                .map(credential -> Credential.from(credential.username(), credential.secret()));
    }

    /** The one-line error for a failed jib build that wrote to {@code target}. */
    static ModelKitException failure(Throwable error, Object target) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ModelKitException known) {
                return known;
            }
            if (cause instanceof RegistryUnauthorizedException unauthorized) {
                return new ModelKitException("no access to " + unauthorized.getImageReference()
                        + " (HTTP 401/403): log in with 'modelkit login' or set the registry's credentials", error);
            }
            if (cause instanceof InsecureRegistryException) {
                return new ModelKitException("cannot build " + target + ": a registry does not offer trusted TLS;"
                        + " use --plain-http for a registry you trust", error);
            }
            if (cause instanceof RegistryException registry) {
                return new ModelKitException("cannot build " + target + ": " + firstLine(registry.getMessage()), error);
            }
        }
        return new ModelKitException("cannot build " + target + ": " + firstLine(Optional.ofNullable(error.getMessage())
                .orElse(error.getClass().getSimpleName())), error);
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
