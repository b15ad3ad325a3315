package io.modelkit.core.kitfile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParameterValuesTest {

    @ParameterizedTest(name = "FormatFloat({0}, 'g', -1, 64)")
    @CsvSource(delimiter = '|', value = {
        "0          | 0",
        "-0.0       | -0",
        "1          | 1",
        "100000     | 100000",
        "1000000    | 1e+06",
        "1234567    | 1.234567e+06",
        "0.0001     | 0.0001",
        "0.00001    | 1e-05",
        "12.3       | 12.3",
        "-2.5       | -2.5",
        "1.5e300    | 1.5e+300",
        "5e-324     | 5e-324",
        "0.1        | 0.1",
    })
    void shouldFormatFloatsAsGoDoes(double value, String text) {
        assertThat(ParameterValues.formatG(value)).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "123                  | 123",
        "1000000              | 1e+06",
        "9007199254740993     | 9007199254740993",
        "12345678901234567000 | 1.2345678901234567e+19",
        "12345678901234567890 | 12345678901234567890",
    })
    void shouldWriteIntegersAsUnpackDoesWithoutLosingDigits(String integer, String text) {
        assertThat(ParameterValues.yamlText(ParameterValues.integer(new BigInteger(integer)))).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "1200.0  | 1200",
        "1e20    | 100000000000000000000",
        "1e21    | 1.0E21",
        "0.5     | 0.5",
        "-0.0    | -0.0",
    })
    void shouldKeepIntegralFloatsAsTheIntegersGoWrites(double value, String node) {
        assertThat(ParameterValues.floating(value).toString()).isEqualTo(node);
        assertThat(ParameterValues.canonical(JsonNodeFactory.instance.numberNode(value)).toString()).isEqualTo(node);
    }
}
