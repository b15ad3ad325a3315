package io.modelkit.core.kitfile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Whatever text a Kitfile holds, the YAML written for it reads back to the same Kitfile. */
class KitfileYamlRoundTripTest {
    private static final String[] PIECES = {"a", "Z", "0", "1", ".", "-", "_", " ", "  ", ":", ": ", "#", " #", ",", "[",
        "]", "{", "}", "'", "\"", "\\", "!", "&", "*", "|", ">", "%", "@", "`", "?", "\n", "\r", "\t", "~", "yes", "null",
        "true", "1.5", "0x1F", "2001-12-14", "12:30", "---", "...", "é", "😀", "\u2028", "\u0085", "\u00a0", "\uFEFF",
        "\u0000", "\u007f", "<<", "e3", "+", "\u3000"};

    @Test
    void shouldReadBackWhatItWrites() {
        Random random = new Random(20260627);
        for (int round = 0; round < 400; round++) {
            ObjectNode parameters = JsonNodeFactory.instance.objectNode();
            List<String> authors = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                parameters.put(text(random), text(random));
                authors.add(text(random));
            }
            parameters.remove("<<"); // a plain "<<" key is a merge key when read back, in yaml.v3 as here
            Kitfile kitfile = new Kitfile("1.0.0", new KitPackage(text(random), null, text(random), null, authors),
                    new Model(null, text(random), null, null, null, null, text(random), List.of(), parameters, null),
                    List.of(new Code(text(random), text(random), null, null)), List.of(), List.of(), List.of(), List.of());

            String yaml = KitfileYaml.write(kitfile);
            Kitfile reread = KitfileReader.read(yaml.getBytes(StandardCharsets.UTF_8), "Kitfile");

            assertThat(reread).as(yaml).isEqualTo(kitfile);
        }
    }

    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        int pieces = 1 + random.nextInt(6);
        for (int i = 0; i < pieces; i++) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }
}
