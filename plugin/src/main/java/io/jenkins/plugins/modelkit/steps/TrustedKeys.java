package io.jenkins.plugins.modelkit.steps;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Run;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public keys a verification trusts, gathered on the controller: PEM blocks written into the
 * {@code keys} text, the files its other lines name (relative to the workspace, read on the agent),
 * and the credentials {@code keyCredentialsIds} lists.
 *
 * @param texts PEM text by the name errors give it
 * @param files key files on the agent, absolute
 */
record TrustedKeys(Map<String, String> texts, List<String> files) {
    private static final String BEGIN = "-----BEGIN";
    private static final String END = "-----END";

    static TrustedKeys resolve(String keys, String keyCredentialsIds, Run<?, ?> run, FilePath workspace) throws IOException {
        Map<String, String> texts = new LinkedHashMap<>();
        List<String> files = new ArrayList<>();
        if (keys != null) {
            StringBuilder pem = null;
            int blocks = 0;
            for (String line : keys.split("\\R")) {
                String text = line.strip();
                if (pem != null) {
                    pem.append(text).append('\n');
                    if (text.startsWith(END)) {
                        texts.put("keys (PEM block " + blocks + ")", pem.toString());
                        pem = null;
                    }
                } else if (text.startsWith(BEGIN)) {
                    blocks++;
                    pem = new StringBuilder(text).append('\n');
                } else if (!text.isEmpty()) {
                    files.add(workspace.child(text).getRemote());
                }
            }
            if (pem != null) {
                throw new AbortException(Messages.TrustedKeys_UnfinishedPem(blocks));
            }
        }
        for (String id : ids(keyCredentialsIds)) {
            texts.put("credentials '" + id + "'", KeyCredentials.publicKey(run, id));
        }
        if (texts.isEmpty() && files.isEmpty()) {
            throw new AbortException(Messages.TrustedKeys_NoKeys());
        }
        return new TrustedKeys(texts, files);
    }

    /** Credential IDs separated by commas, spaces or lines. */
    static List<String> ids(String text) {
        List<String> ids = new ArrayList<>();
        if (text != null) {
            for (String id : text.split("[,\\s]+")) {
                if (!id.isEmpty()) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }
}
