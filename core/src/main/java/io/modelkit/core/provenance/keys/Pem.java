package io.modelkit.core.provenance.keys;

import io.modelkit.core.ModelKitException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 7468 text encoding: {@code -----BEGIN TYPE-----}, base64 in 64-character lines,
 * {@code -----END TYPE-----}. Reading tolerates text around the blocks (openssl prints
 * {@code EC PARAMETERS} or bag attributes there) and CRLF line ends.
 */
final class Pem {
    private static final Pattern BEGIN = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----");
    private static final int LINE = 64;

    /** One block; {@code headers} is true when RFC 1421 headers (such as {@code Proc-Type}) precede the body. */
    record Block(String type, byte[] der, boolean headers) {
    }

    private Pem() {
    }

    static byte[] encode(String type, byte[] der) {
        String body = Base64.getEncoder().encodeToString(der);
        StringBuilder out = new StringBuilder(body.length() + body.length() / LINE + 64);
        out.append("-----BEGIN ").append(type).append("-----\n");
        for (int start = 0; start < body.length(); start += LINE) {
            out.append(body, start, Math.min(body.length(), start + LINE)).append('\n');
        }
        out.append("-----END ").append(type).append("-----\n");
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Every block in {@code text}, in order; {@code name} names the source in errors. */
    static List<Block> decode(byte[] text, String name) {
        String pem = new String(text, StandardCharsets.ISO_8859_1);
        List<Block> blocks = new ArrayList<>();
        Matcher begin = BEGIN.matcher(pem);
        int from = 0;
        while (begin.find(from)) {
            String type = begin.group(1);
            String endLine = "-----END " + type + "-----";
            int end = pem.indexOf(endLine, begin.end());
            if (end < 0) {
                throw new ModelKitException("malformed PEM in " + name + ": BEGIN " + type + " has no matching END line");
            }
            blocks.add(block(type, pem.substring(begin.end(), end), name));
            from = end + endLine.length();
        }
        if (blocks.isEmpty()) {
            throw new ModelKitException("no PEM block in " + name + ": expected a -----BEGIN ...----- line");
        }
        return blocks;
    }

    private static Block block(String type, String body, String name) {
        StringBuilder base64 = new StringBuilder(body.length());
        boolean headers = false;
        for (String line : body.split("\r?\n|\r")) {
            if (line.indexOf(':') >= 0) {
                headers = true;
            } else {
                base64.append(line.strip());
            }
        }
        try {
            return new Block(type, Base64.getDecoder().decode(base64.toString()), headers);
        } catch (IllegalArgumentException e) {
            // the decoder's message may quote a character of the body; the body may be a key
            throw new ModelKitException("malformed PEM in " + name + ": the " + type + " block is not valid base64");
        }
    }
}
