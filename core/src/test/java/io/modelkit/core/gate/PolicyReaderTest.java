package io.modelkit.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelkit.core.oci.Digest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyReaderTest {
    static final String FULL = """
            version: 1
            rules:
              - name: signed
                kind: provenance
                keys: ["sha256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"]
                minSignatures: 2
                builderIds: [https://ci.example.com/]
                buildType: https://modelkit.io/buildtypes/modelkit-pack/v1
                sourceRepository: 'https://git\\.example\\.com/.*'
                sourceRef: refs/heads/main
                maxAge: 7d
                externalParameters: [repository, ref]
                requireGitCommit: true
                datasetDigests: ["sha256:cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc"]
              - name: params
                kind: hyperparameters
                mode: audit
                frozen: ["features.*"]
                tolerances:
                  - {path: training.learning_rate, absolute: 0.01, relative: 0.5}
                noAdd: ["**"]
                noRemove: ["training.**"]
                approvalRequired: ["training.epochs"]
              - name: content
                kind: content
                datasetsUnchanged: [eval]
                datasetsMustChange: [train]
                licenses: [Apache-2.0, MIT]
                requiredDocs: [README.md]
                maxTotalSize: 10GiB
                requiredFields: [model.license, package.version]
              - name: no-overwrite
                kind: registry
                targetTagAbsentOrSame: true
            """;

    private static Policy read(String yaml) {
        return PolicyReader.read(yaml.getBytes(StandardCharsets.UTF_8), "gate.yaml");
    }

    @Test
    void shouldReadEveryKindOfRule() {
        Policy policy = read(FULL);

        assertThat(policy.digest()).isEqualTo(Digest.sha256(FULL.getBytes(StandardCharsets.UTF_8)));
        assertThat(policy.rules()).extracting(Rule::name).containsExactly("signed", "params", "content", "no-overwrite");
        Rule.Provenance provenance = (Rule.Provenance) policy.rules().get(0);
        assertThat(provenance.mode()).isEqualTo(Mode.ENFORCE);
        assertThat(provenance.keys()).containsExactly("sha256:" + "a".repeat(64), "sha256:" + "b".repeat(64));
        assertThat(provenance.minSignatures()).isEqualTo(2);
        assertThat(provenance.predicateTypes()).containsExactly("https://slsa.dev/provenance/v1");
        assertThat(provenance.maxAge()).isEqualTo(Duration.ofDays(7));
        assertThat(provenance.sourceRepository().matcher("https://git.example.com/ml/x.git").matches()).isTrue();
        assertThat(provenance.datasetDigests()).containsExactly("sha256:" + "c".repeat(64));
        Rule.Hyperparameters parameters = (Rule.Hyperparameters) policy.rules().get(1);
        assertThat(parameters.mode()).isEqualTo(Mode.AUDIT);
        assertThat(parameters.tolerances()).singleElement()
                .isEqualTo(new Rule.Tolerance(parameters.tolerances().get(0).path(), 0.01, 0.5));
        assertThat(parameters.frozen().get(0).matches("features.hashing")).isTrue();
        assertThat(parameters.frozen().get(0).matches("features.a.b")).isFalse();
        assertThat(parameters.noAdd().get(0).matches("a.b[3].c")).isTrue();
        Rule.Content content = (Rule.Content) policy.rules().get(2);
        assertThat(content.maxTotalSize()).isEqualTo(10L << 30);
        assertThat(((Rule.Registry) policy.rules().get(3)).targetTagAbsentOrSame()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown top key      | version: 1\\nrule: []                                                   | gate.yaml:2:1: rule: unknown key; expected one of rules, version
            missing version      | rules: [{name: a, kind: registry}]                                     | gate.yaml:1:1: version: required
            version 2            | version: 2\\nrules: [{name: a, kind: registry}]                        | gate.yaml:1:10: version: only version 1 is known, got 2
            version as text      | version: '1'\\nrules: [{name: a, kind: registry}]                      | gate.yaml:1:10: version: expected an integer, got a string
            no rules             | version: 1\\nrules: []                                                 | gate.yaml:2:8: rules: a policy needs at least one rule
            rules not a list     | version: 1\\nrules: {a: 1}                                             | gate.yaml:2:8: rules: expected a list, got a mapping
            unknown kind         | version: 1\\nrules:\\n  - name: a\\n    kind: sbom                     | gate.yaml:4:11: rules[0].kind: expected one of provenance, hyperparameters, content, registry, got 'sbom'
            unknown mode         | version: 1\\nrules:\\n  - name: a\\n    kind: registry\\n    mode: warn | gate.yaml:5:11: rules[0].mode: expected one of enforce, audit, got 'warn'
            field of other kind  | version: 1\\nrules:\\n  - name: a\\n    kind: registry\\n    frozen: [x] | gate.yaml:5:5: rules[0].frozen: unknown key; expected one of kind, mode, name, targetTagAbsentOrSame
            missing name         | version: 1\\nrules:\\n  - kind: registry                              | gate.yaml:3:5: rules[0].name: required
            duplicate name       | version: 1\\nrules:\\n  - {name: a, kind: registry}\\n  - {name: a, kind: registry} | gate.yaml:4:5: rules[1].name: another rule is already named 'a'
            duplicate key        | version: 1\\nversion: 1\\nrules: []                                    | gate.yaml:2:1: duplicate key 'version' (first at 1:1)
            bad regex            | version: 1\\nrules:\\n  - {name: a, kind: provenance, sourceRef: 'refs/(heads'} | gate.yaml:3:44: rules[0].sourceRef: invalid pattern 'refs/(heads': Unclosed group
            bad duration         | version: 1\\nrules:\\n  - {name: a, kind: provenance, maxAge: 7 days}  | gate.yaml:3:41: rules[0].maxAge: expected a duration such as 30m, 12h, 7d or P7D, got '7 days'
            zero duration        | version: 1\\nrules:\\n  - {name: a, kind: provenance, maxAge: 0m}      | gate.yaml:3:41: rules[0].maxAge: a duration must be positive, got '0m'
            bad fingerprint      | version: 1\\nrules:\\n  - {name: a, kind: provenance, keys: [abc]}     | gate.yaml:3:40: rules[0].keys[0]: expected a key fingerprint sha256:<64 hex>, got 'abc'
            n above m            | version: 1\\nrules:\\n  - {name: a, kind: provenance, keys: ['sha256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'], minSignatures: 2} | gate.yaml:3:131: rules[0].minSignatures: expected 1..1 (of the keys listed), got 2
            bool as text         | version: 1\\nrules:\\n  - {name: a, kind: registry, targetTagAbsentOrSame: 'yes'} | gate.yaml:3:54: rules[0].targetTagAbsentOrSame: expected true or false, got a string
            tolerance no bound   | version: 1\\nrules:\\n  - name: a\\n    kind: hyperparameters\\n    tolerances: [{path: lr}] | gate.yaml:5:18: rules[0].tolerances[0]: a tolerance needs absolute, relative or both
            negative tolerance   | version: 1\\nrules:\\n  - name: a\\n    kind: hyperparameters\\n    tolerances: [{path: lr, absolute: -1}] | gate.yaml:5:39: rules[0].tolerances[0].absolute: expected a number of at least 0, got -1
            tolerance as text    | version: 1\\nrules:\\n  - name: a\\n    kind: hyperparameters\\n    tolerances: [{path: lr, relative: ten}] | gate.yaml:5:39: rules[0].tolerances[0].relative: expected a number, got a string
            tolerance extra key  | version: 1\\nrules:\\n  - name: a\\n    kind: hyperparameters\\n    tolerances: [{path: lr, abs: 1}] | gate.yaml:5:29: rules[0].tolerances[0].abs: unknown key; expected one of absolute, path, relative
            bad size             | version: 1\\nrules:\\n  - {name: a, kind: content, maxTotalSize: 10 gigs} | gate.yaml:3:44: rules[0].maxTotalSize: expected a size such as 1048576, 500MB or 10GiB, got '10 gigs'
            unknown field        | version: 1\\nrules:\\n  - {name: a, kind: content, requiredFields: [model.owner]} | gate.yaml:3:47: rules[0].requiredFields[0]: unknown Kitfile field 'model.owner'; known: model.description, model.format, model.framework, model.license, model.name, model.parameters, model.path, model.version, package.authors, package.description, package.license, package.name, package.version
            list of maps         | version: 1\\nrules:\\n  - {name: a, kind: content, licenses: [{id: MIT}]} | gate.yaml:3:41: rules[0].licenses[0]: expected a string, got a mapping
            alias                | version: 1\\nrules:\\n  - &r {name: a, kind: registry}\\n  - *r       | gate.yaml:4:5: rules[1]: an alias (*r); a policy spells every value out
            broken yaml          | version: 1\\nrules: [a, b                                              | gate.yaml:2:13: not valid YAML: while parsing a flow sequence
            two documents        | version: 1\\nrules: [{name: a, kind: registry}]\\n---\\nversion: 1    | gate.yaml:4:1: a second YAML document follows; a policy holds exactly one
            scalar document      | just text                                                              | gate.yaml:1:1: expected a mapping, got a string
            """)
    void shouldNameFileLineAndColumnOfEveryMistake(String what, String yaml, String message) {
        assertThatThrownBy(() -> read(yaml.replace("\\n", "\n")))
                .isInstanceOf(PolicyException.class)
                .hasMessage(message);
    }

    @Test
    void shouldRefuseEmptyMissingAndNonUtf8Files(@TempDir Path temp) throws Exception {
        assertThatThrownBy(() -> read("")).hasMessage("gate.yaml: is empty: a policy needs version: 1 and rules");
        assertThatThrownBy(() -> PolicyReader.read(temp.resolve("absent.yaml")))
                .isInstanceOf(PolicyException.class).hasMessage(temp.resolve("absent.yaml") + ": no such policy file");
        Path latin1 = Files.write(temp.resolve("latin1.yaml"), new byte[] {'v', ':', ' ', (byte) 0xE9});
        assertThatThrownBy(() -> PolicyReader.read(latin1)).hasMessage(latin1 + ": is not valid UTF-8 text");
        assertThatThrownBy(() -> PolicyReader.read(temp)).hasMessage(temp + ": is not a regular file");
    }
}
