package io.modelkit.core.kitfile;

/**
 * kit's {@code GetPathType}: what a Kitfile path is. {@code error} holds kit's message for URLs it
 * refuses (http(s) and unknown schemes), else null.
 */
record PathKind(Kind kind, String error) {

    enum Kind { UNKNOWN, LOCAL, MODELKIT_REFERENCE, S3 }

    static PathKind of(String path) {
        String text = path == null ? "" : path;
        if (ModelKitReferences.isReference(text)) {
            return new PathKind(Kind.MODELKIT_REFERENCE, null);
        }
        GoUrl.Parsed url = GoUrl.parse(text);
        if (url == null || url.scheme().isEmpty() && url.host().isEmpty()) {
            return new PathKind(Kind.LOCAL, null);
        }
        return switch (url.scheme()) {
            case "s3" -> new PathKind(Kind.S3, null);
            case "http", "https" -> new PathKind(Kind.UNKNOWN, "HTTP urls are not supported in paths (" + text + ")");
            default -> new PathKind(Kind.UNKNOWN, "unrecognized URL in path: " + text);
        };
    }

    boolean is(Kind expected) {
        return kind == expected;
    }
}
