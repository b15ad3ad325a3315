package io.modelkit.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelKitHomeTest {

    @Test
    void shouldPreferModelKitHome() {
        ModelKitHome home = ModelKitHome.resolve(Map.of("MODELKIT_HOME", "/srv/mk", "XDG_DATA_HOME", "/data", "HOME", "/home/u"));

        assertThat(home.path()).isEqualTo(Path.of("/srv/mk"));
        assertThat(home.storage()).isEqualTo(Path.of("/srv/mk/storage"));
    }

    @Test
    void shouldFallBackToXdgDataHomeThenHome() {
        assertThat(ModelKitHome.resolve(Map.of("XDG_DATA_HOME", "/data", "HOME", "/home/u")).path()).isEqualTo(Path.of("/data/modelkit"));
        assertThat(ModelKitHome.resolve(Map.of("MODELKIT_HOME", "", "XDG_DATA_HOME", "relative", "HOME", "/home/u")).path())
                .isEqualTo(Path.of("/home/u/.local/share/modelkit"));
    }

    @Test
    void shouldMakeARelativeModelKitHomeAbsolute() {
        assertThat(ModelKitHome.resolve(Map.of("MODELKIT_HOME", "build/home")).path())
                .isEqualTo(Path.of("build/home").toAbsolutePath());
    }
}
