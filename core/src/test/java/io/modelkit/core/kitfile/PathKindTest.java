package io.modelkit.core.kitfile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** kit's GetPathType, on top of Go's url.Parse. */
class PathKindTest {

    @ParameterizedTest(name = "[{0}] is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "models/m1.gguf         | LOCAL              | ``",
        "``                     | LOCAL              | ``",
        "/abs/path              | LOCAL              | ``",
        "s3://bucket/key        | S3                 | ``",
        "S3://bucket/key        | S3                 | ``",
        "s3:Bucket/Key          | S3                 | ``",
        "s3:bucket              | MODELKIT_REFERENCE | ``",
        "s3://bucket:abc/key    | LOCAL              | ``",
        "http://example.com     | UNKNOWN            | HTTP urls are not supported in paths (http://example.com)",
        "HTTPS://example.com/x  | UNKNOWN            | HTTP urls are not supported in paths (HTTPS://example.com/x)",
        "ftp://host/x           | UNKNOWN            | unrecognized URL in path: ftp://host/x",
        "//host/path            | UNKNOWN            | unrecognized URL in path: //host/path",
        "1A:b                   | LOCAL              | ``",
        "1a:b                   | MODELKIT_REFERENCE | ``",
        "100%zz                 | LOCAL              | ``",
        "a#b                    | LOCAL              | ``",
        "org/repo:v1            | MODELKIT_REFERENCE | ``",
    })
    void shouldClassifyPathsAsKitDoes(String path, PathKind.Kind kind, String error) {
        PathKind actual = PathKind.of(path);

        assertThat(actual.kind()).isEqualTo(kind);
        assertThat(actual.error()).isEqualTo(error.isEmpty() ? null : error);
    }
}
