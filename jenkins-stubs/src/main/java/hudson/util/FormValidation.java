// Declarations match org.jenkins-ci.main:jenkins-core 2.555.3 (core/src/main/java/hudson/util/FormValidation.java).
package hudson.util;

import java.io.IOException;

/**
 * Stub: {@link #getMessage()} is the message as upstream stores it (HTML-escaped for the plain-text
 * factories), {@link #kind} the severity. Upstream also implements Stapler's HttpResponse; not declared.
 */
public abstract class FormValidation extends IOException {
    private static final long serialVersionUID = 1L;

    public enum Kind {
        OK,
        WARNING,
        ERROR
    }

    public final Kind kind;

    private FormValidation(Kind kind) {
        this.kind = kind;
    }

    private FormValidation(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public static FormValidation error(String message) {
        return errorWithMarkup(message == null ? null : escape(message));
    }

    public static FormValidation warning(String message) {
        return warningWithMarkup(message == null ? null : escape(message));
    }

    public static FormValidation ok(String message) {
        return okWithMarkup(message == null ? null : escape(message));
    }

    public static FormValidation ok() {
        return respond(Kind.OK, "<div/>");
    }

    public static FormValidation error(String format, Object... args) {
        return error(String.format(format, args));
    }

    public static FormValidation warning(String format, Object... args) {
        return warning(String.format(format, args));
    }

    public static FormValidation ok(String format, Object... args) {
        return ok(String.format(format, args));
    }

    public static FormValidation error(Throwable e, String message) {
        return error(message + (e == null ? "" : ": " + e));
    }

    public static FormValidation errorWithMarkup(String message) {
        return withMarkup(message, Kind.ERROR);
    }

    public static FormValidation warningWithMarkup(String message) {
        return withMarkup(message, Kind.WARNING);
    }

    public static FormValidation okWithMarkup(String message) {
        return withMarkup(message, Kind.OK);
    }

    public static FormValidation respond(Kind kind, final String html) {
        return new FormValidation(kind) {
            private static final long serialVersionUID = 1L;

            @Override
            public String renderHtml() {
                return html;
            }
        };
    }

    public static FormValidation validateRequired(String value) {
        if (value == null || value.trim().isEmpty()) {
            return error("Required");
        }
        return ok();
    }

    public abstract String renderHtml();

    private static FormValidation withMarkup(final String message, final Kind kind) {
        if (message == null) {
            return ok();
        }
        return new FormValidation(kind, message) {
            private static final long serialVersionUID = 1L;

            /** Stub: as upstream outside a Stapler request, the message itself. */
            @Override
            public String renderHtml() {
                return message;
            }

            @Override
            public String toString() {
                return kind + ": " + message;
            }
        };
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#039;");
                case '\n' -> b.append("<br>");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
