package io.modelkit.core.provenance.verify;

/**
 * One check of a verification and its outcome, in words a report can print.
 *
 * @param name what was checked, such as {@code signature} or {@code builder id}
 * @param passed whether it held
 * @param detail what was found: the key, the digest, or what broke
 */
public record Check(String name, boolean passed, String detail) {
    public static Check pass(String name, String detail) {
        return new Check(name, true, detail);
    }

    public static Check fail(String name, String detail) {
        return new Check(name, false, detail);
    }
}
