package io.modelkit.core.gate;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/** One rule of a policy. Every rule has a name unique in its policy, a kind and a mode. */
public sealed interface Rule {

    String name();

    Mode mode();

    RuleKind kind();

    /**
     * Signed provenance: required at all, trusted key fingerprints and how many of them must have signed,
     * predicate types, and the SLSA expectations. Null or empty fields are not checked.
     */
    record Provenance(String name, Mode mode, boolean required, List<String> keys, int minSignatures,
                      List<String> predicateTypes, List<String> builderIds, String buildType, Pattern sourceRepository,
                      Pattern sourceRef, Duration maxAge, List<String> externalParameters, boolean requireGitCommit,
                      List<String> datasetDigests) implements Rule {
        public Provenance {
            keys = List.copyOf(keys);
            predicateTypes = List.copyOf(predicateTypes);
            builderIds = List.copyOf(builderIds);
            externalParameters = externalParameters == null ? null : List.copyOf(externalParameters);
            datasetDigests = datasetDigests == null ? null : List.copyOf(datasetDigests);
        }

        @Override
        public RuleKind kind() {
            return RuleKind.PROVENANCE;
        }
    }

    /**
     * Hyperparameters against the baseline, by the paths of the ModelKit diff ({@code model.parameters.optimizer.betas[1]},
     * {@code datasets[train].parameters.rows}); every list holds glob paths.
     */
    record Hyperparameters(String name, Mode mode, boolean requireBaseline, List<PathGlob> frozen,
                           List<Tolerance> tolerances, List<PathGlob> noAdd, List<PathGlob> noRemove,
                           List<PathGlob> approvalRequired) implements Rule {
        public Hyperparameters {
            frozen = List.copyOf(frozen);
            tolerances = List.copyOf(tolerances);
            noAdd = List.copyOf(noAdd);
            noRemove = List.copyOf(noRemove);
            approvalRequired = List.copyOf(approvalRequired);
        }

        @Override
        public RuleKind kind() {
            return RuleKind.HYPERPARAMETERS;
        }
    }

    /** How far a number may move: null bounds are not checked; a change exactly at a bound is allowed. */
    record Tolerance(PathGlob path, Double absolute, Double relative) {
    }

    /** The ModelKit's contents: datasets against the baseline, licenses, docs, size, Kitfile fields. */
    record Content(String name, Mode mode, boolean requireBaseline, List<String> datasetsUnchanged,
                   List<String> datasetsMustChange, List<String> licenses, List<String> requiredDocs, Long maxTotalSize,
                   List<String> requiredFields) implements Rule {
        public Content {
            datasetsUnchanged = List.copyOf(datasetsUnchanged);
            datasetsMustChange = List.copyOf(datasetsMustChange);
            licenses = licenses == null ? null : List.copyOf(licenses);
            requiredDocs = List.copyOf(requiredDocs);
            requiredFields = List.copyOf(requiredFields);
        }

        @Override
        public RuleKind kind() {
            return RuleKind.CONTENT;
        }
    }

    /** The target tag: absent, or already this very digest (no silent overwrite). */
    record Registry(String name, Mode mode, boolean targetTagAbsentOrSame) implements Rule {
        @Override
        public RuleKind kind() {
            return RuleKind.REGISTRY;
        }
    }
}
