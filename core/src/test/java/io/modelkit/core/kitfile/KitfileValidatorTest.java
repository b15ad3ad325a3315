package io.modelkit.core.kitfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelkit.core.ProgressListener;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KitfileValidatorTest {

    private static Kitfile read(String yaml) {
        return KitfileReader.read(yaml.getBytes(StandardCharsets.UTF_8), "Kitfile");
    }

    private static List<String> problems(String yaml) {
        return KitfileValidator.problems(read("manifestVersion: 1.0.0\n" + yaml));
    }

    @Test
    void shouldListEveryProblemSortedUnderALineNamingTheFile() {
        Kitfile kitfile = read("""
                manifestVersion: 1.0.0
                model: {name: m, path: /abs/model}
                code: [{path: ./src}, {path: src/}]
                datasets: [{name: d, path: data, remoteHash: x}]
                """);

        assertThatThrownBy(() -> KitfileValidator.validate(kitfile, "ctx/Kitfile", ProgressListener.NONE))
                .isInstanceOf(KitfileException.class)
                .hasMessage("""
                        errors while validating Kitfile ctx/Kitfile:
                          * absolute paths are not supported in a Kitfile (path /abs/model in model m)
                          * code layer 0 and code layer 1 use the same path src
                          * remote hash is only applicable when remotePath is set""");
    }

    @Test
    void shouldWarnThroughTheListener() {
        Kitfile kitfile = read("""
                manifestVersion: "1.0"
                datasets:
                  - path: data
                    remotePath: registry.example.com/org/data:v1
                    remoteHash: abc
                """);
        List<String> warnings = new ArrayList<>();

        KitfileValidator.validate(kitfile, "Kitfile", new ProgressListener() {
            @Override
            public void warn(String message) {
                warnings.add(message);
            }
        });

        assertThat(warnings).containsExactly(
                "Kitfile: Unrecognized manifestVersion 1.0: treating Kitfile as 1.0.0",
                "Kitfile: remoteHash is ignored for ModelKit references in datasets (data)");
    }

    @Test
    void shouldAcceptAValidKitfile() {
        Kitfile kitfile = KitfileTestData.everything();

        KitfileValidator.validate(kitfile, "Kitfile", ProgressListener.NONE);

        assertThat(KitfileValidator.problems(kitfile)).isEmpty();
        assertThat(KitfileValidator.warnings(kitfile)).isEmpty();
    }

    @Test
    void shouldTreatEmptyPathsAsTheContextAndCompareCleanedPaths() {
        assertThat(problems("model: {name: m}\ncode: [{description: all}]\n"))
                .containsExactly("model m and code layer 0 use the same path .");
        assertThat(problems("model: {path: a/b/../c}\ncode: [{path: ./a/c/}]\ndocs: [{path: a//c}]\n"))
                .containsExactly("model , code layer 0 and docs layer 0 use the same path a/c");
    }

    @Test
    void shouldCheckPromptPathsLikeOtherLayers() {
        assertThat(problems("code: [{path: skills}]\nprompts: [{path: skills/}]\n"))
                .containsExactly("code layer 0 and prompt layer 0 use the same path skills");
    }

    @Test
    void shouldRefusePathsLeavingTheContext() {
        assertThat(problems("code: [{path: ..}]\n"))
                .containsExactly("paths outside the context directory are not supported in a Kitfile (path .. in code layer 0)");
        assertThat(problems("docs: [{path: a/../../b}]\n"))
                .containsExactly("paths outside the context directory are not supported in a Kitfile (path ../b in docs layer 0)");
    }

    @Test
    void shouldRefuseUrlsAndReferencesWhereOnlyPathsBelong() {
        assertThat(problems("code: [{path: 'ftp://host/x'}]\n")).containsExactly(
                "invalid path for code (ftp://host/x): only local paths are permitted",
                "invalid path for code (ftp://host/x): unrecognized URL in path: ftp://host/x");
        assertThat(problems("model: {path: 'http://example.com/m'}\n")).containsExactly(
                "invalid path for model: HTTP urls are not supported in paths (http://example.com/m)",
                "invalid path for model: only local paths and ModelKit references are permitted");
        assertThat(problems("model: {path: 'registry.example.com/org/base:v1'}\n")).isEmpty();
    }

    @Test
    void shouldCheckRemoteDatasets() {
        assertThat(problems("datasets: [{path: d, remotePath: 'https://example.com/data', remoteHash: h}]\n")).containsExactly(
                "invalid remote path for dataset (https://example.com/data): HTTP urls are not supported in paths "
                        + "(https://example.com/data)",
                "only S3 URLs and ModelKit references are supported for remote dataset paths (https://example.com/data)");
        assertThat(problems("datasets: [{path: ., remotePath: 'org/data:v1'}]\ncode: [{path: src}]\n"))
                .containsExactly("code layer 0 uses a path (src) that is within the path for a remote dataset");
        assertThat(problems("datasets: [{path: data, remotePath: 'org/data:v1'}]\ncode: [{path: /abs}]\n"))
                .containsExactly("absolute paths are not supported in a Kitfile (path /abs in code layer 0)",
                        "error calculating relative path for remote dataset: Rel: can't make /abs relative to data");
    }

    @Test
    void shouldCheckModelPartTypes() {
        assertThat(problems("model:\n  path: m\n  parts: [{name: p, path: q, type: " + "t".repeat(65) + "}]\n"))
                .containsExactly("modelpart p type is too long (must be fewer than 64 characters)");
        assertThat(problems("model:\n  path: m\n  parts: [{name: p, path: q, type: .lora}]\n"))
                .containsExactly("modelpart p has invalid type (must be alphanumeric with dots, dashes, and underscores)");
        assertThat(problems("model:\n  path: m\n  parts: [{name: p, path: q, type: lora_v2.1-x}]\n")).isEmpty();
    }

    @Test
    void shouldCheckMcpServers() {
        assertThat(problems("mcpServers: [{path: a.mcpb}, {name: x, path: b.zip}, {name: x, path: c.mcpb}]\n"))
                .containsExactly("duplicate mcpServer name x: names must be unique",
                        "invalid path for mcpServer (b.zip): path must point to a single .mcpb file",
                        "mcpServer with path a.mcpb must have a name");
    }
}
