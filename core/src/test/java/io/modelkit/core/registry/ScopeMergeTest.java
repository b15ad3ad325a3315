package io.modelkit.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScopeMergeTest {
    @Test
    void shouldMergeTheActionsOfOneRepositoryWhateverTheirOrder() {
        assertThat(RegistryAuthenticator.mergeScopes(List.of(
                "repository:team/target:pull,push", "repository:team/target:push,pull", "repository:team/source:pull")))
                .containsExactly("repository:team/source:pull", "repository:team/target:pull,push");
    }

    @Test
    void shouldKeepScopesOfDifferentResourcesApart() {
        assertThat(RegistryAuthenticator.mergeScopes(List.of("registry:catalog:*", "repository:a:pull", "repository:a:delete")))
                .containsExactly("registry:catalog:*", "repository:a:delete,pull");
    }
}
