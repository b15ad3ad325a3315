package io.modelkit.core.kitfile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoTimestampTest {

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', value = {
        "2001-12-14                      | 2001-12-14T00:00:00Z",
        "2001-1-2                        | 2001-01-02T00:00:00Z",
        "2024-02-29                      | 2024-02-29T00:00:00Z",
        "2001-12-14T21:59:43Z            | 2001-12-14T21:59:43Z",
        "2001-12-14t21:59:43.10-05:00    | 2001-12-14T21:59:43.1-05:00",
        "2001-12-14T1:2:3+00:00          | 2001-12-14T01:02:03Z",
        "2001-12-14T21:59:43,5+05:30     | 2001-12-14T21:59:43.5+05:30",
        "2001-12-14T21:59:43.1234567891Z | 2001-12-14T21:59:43.123456789Z",
        "2001-12-14 21:59:43.10          | 2001-12-14T21:59:43.1Z",
        "2001-12-14   21:59:43           | 2001-12-14T21:59:43Z",
    })
    void shouldParseAndFormatAsGoDoes(String text, String rfc3339) {
        assertThat(GoTimestamp.parse(text)).hasValueSatisfying(time -> assertThat(time.rfc3339Nano()).isEqualTo(rfc3339));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"2001-02-29", "2001-13-01", "2001-00-10", "2001-12-00", "2001-12-14T24:00:00Z",
        "2001-12-14T21:60:00Z", "2001-12-14T21:59:60Z", "2001-12-14T21:59:43z", "2001-12-14T21:59:43",
        "2001-12-14 21:59:43 -5", "01-12-14", "2001-123-1", "2001-12-14x", "20011-12-14"})
    void shouldRefuseWhatGoRefuses(String text) {
        assertThat(GoTimestamp.parse(text)).isEmpty();
    }
}
