package io.modelkit.core.kitfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** yaml.v3's resolve table, case by case. */
class YamlScalarsTest {

    @ParameterizedTest(name = "[{0}] is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "``                 | !!null",
        "~                  | !!null",
        "Null               | !!null",
        "nULL               | !!str",
        "true               | !!bool",
        "TRUE               | !!bool",
        "tRUE               | !!str",
        "yes                | !!str",
        "off                | !!str",
        "0                  | !!int",
        "-0                 | !!int",
        "+12                | !!int",
        "0x_FF              | !!int",
        "0X1f               | !!int",
        "0o17               | !!int",
        "017                | !!int",
        "0b1010             | !!int",
        "-0b1               | !!int",
        "1__0               | !!int",
        "9223372036854775808 | !!int",
        "-9223372036854775809 | !!float",
        "18446744073709551616 | !!float",
        "08                 | !!float",
        "0x                 | !!str",
        "1e3                | !!float",
        "1.                 | !!float",
        ".5                 | !!float",
        "._5                | !!str",
        ".5_5               | !!float",
        ".e5                | !!str",
        "1e400              | !!str",
        ".inf               | !!float",
        "-.Inf              | !!float",
        ".NaN               | !!float",
        "2001-12-14         | !!timestamp",
        "2001-12-14T21:59:43Z | !!timestamp",
        "2001-13-01         | !!str",
        "1:20               | !!str",
        "<<                 | !!str",
        "-                  | !!str",
        "hello              | !!str",
    })
    void shouldResolvePlainScalarsAsYamlV3Does(String text, String tag) {
        assertThat(YamlScalars.plainTag(text)).isEqualTo(tag);
    }

    @ParameterizedTest(name = "[{0}] is {1}")
    @CsvSource(delimiter = '|', value = {
        "0x_FF       | 255",
        "017         | 15",
        "-0b1        | -1",
        "9223372036854775808 | 9223372036854775808",
        "-9223372036854775808 | -9223372036854775808",
    })
    void shouldParseIntegersAsGoDoes(String text, String value) {
        assertThat(YamlScalars.resolve("", text).value()).isEqualTo(new BigInteger(value));
    }

    @ParameterizedTest(name = "!!{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "!!str       | 123      | !!str     | 123",
        "!!float     | 3        | !!float   | 3.0",
        "!!int       | 0x10     | !!int     | 16",
        "!!timestamp | 2001-01-02 | !!timestamp | 2001-01-02T00:00:00Z",
        "!custom     | 12       | !custom   | 12",
    })
    void shouldHonourExplicitTags(String tag, String text, String resolvedTag, String value) {
        YamlScalars.Resolved resolved = YamlScalars.resolve(tag, text);

        assertThat(resolved.tag()).isEqualTo(resolvedTag);
        Object actual = resolved.value() instanceof GoTimestamp time ? time.rfc3339Nano() : resolved.value();
        assertThat(String.valueOf(actual)).isEqualTo(value);
    }

    @ParameterizedTest(name = "!!{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "!!int       | abc      | cannot decode !!str `abc` as a !!int",
        "!!bool      | yes      | cannot decode !!str `yes` as a !!bool",
        "!!int       | 1.5      | cannot decode !!float `1.5` as a !!int",
        "!!float     | 18446744073709551615 | cannot decode !!int `18446744073709551615` as a !!float",
        "!!null      | x        | cannot decode !!str `x` as a !!null",
    })
    void shouldRefuseTagsThatContradictTheText(String tag, String text, String message) {
        assertThatThrownBy(() -> YamlScalars.resolve(tag, text))
                .isInstanceOf(YamlScalars.ResolveException.class)
                .hasMessage(message);
    }
}
