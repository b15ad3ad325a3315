package io.modelkit.core.dashboard;

import java.util.Locale;

/**
 * Which recorded URLs may become links: only http and https. A promotion record or a build's
 * environment is written by whoever could push or configure a job, so a {@code javascript:} URL in
 * it must never reach an {@code href}.
 */
public final class WebLink {
    private WebLink() {
    }

    /** {@code url} when it is an http or https URL, else null. */
    public static String httpOrNull(String url) {
        if (url == null) {
            return null;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? url : null;
    }
}
