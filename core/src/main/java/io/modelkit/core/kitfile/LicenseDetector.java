package io.modelkit.core.kitfile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Names the license in a LICENSE file by the SPDX identifier {@code kit init} would find with Google's
 * licensecheck, for the common licenses whose full text is unmistakable. Anything else, or a file
 * naming two licenses, is "unknown", as licensecheck reports when it finds no single match.
 */
final class LicenseDetector {
    private static final int MAX_BYTES = 1024 * 1024;

    private record Signature(String id, List<String> required, List<String> excluded) {
    }

    private static final List<Signature> SIGNATURES = List.of(
            new Signature("Apache-2.0", List.of("apache license", "version 2.0"), List.of()),
            new Signature("MIT", List.of("permission is hereby granted, free of charge, to any person obtaining a copy",
                    "the above copyright notice and this permission notice shall be included"), List.of()),
            new Signature("BSD-3-Clause", List.of("redistribution and use in source and binary forms",
                    "neither the name of"), List.of()),
            new Signature("BSD-2-Clause", List.of("redistribution and use in source and binary forms"),
                    List.of("neither the name of")),
            new Signature("MPL-2.0", List.of("mozilla public license", "version 2.0"), List.of()),
            new Signature("ISC", List.of("permission to use, copy, modify, and/or distribute this software for any purpose"
                    + " with or without fee is hereby granted"), List.of()),
            new Signature("Unlicense", List.of("this is free and unencumbered software released into the public domain"),
                    List.of()));

    private LicenseDetector() {
    }

    /** The SPDX identifier of the single license {@code file} holds, or empty. */
    static Optional<String> detect(Path file) {
        String text;
        try (InputStream in = Files.newInputStream(file)) {
            text = new String(in.readNBytes(MAX_BYTES), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Optional.empty();
        }
        String normalized = text.toLowerCase(Locale.ROOT).replaceAll("[\\s*#/]+", " ");
        List<String> matches = new ArrayList<>();
        for (Signature signature : SIGNATURES) {
            if (signature.required().stream().allMatch(normalized::contains)
                    && signature.excluded().stream().noneMatch(normalized::contains)) {
                matches.add(signature.id());
            }
        }
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }
}
