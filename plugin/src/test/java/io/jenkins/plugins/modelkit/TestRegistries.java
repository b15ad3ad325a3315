package io.jenkins.plugins.modelkit;

import io.modelkit.core.registry.LocalRegistry;
import java.nio.file.Files;
import java.nio.file.Path;

/** Shared pieces of the integration tests that talk to a real registry. */
final class TestRegistries {

    /** The binary {@link LocalRegistry} starts; Debian's and Ubuntu's {@code docker-registry} package. */
    private static final Path DOCKER_REGISTRY = Path.of("/usr/bin/docker-registry");

    /** A small project: a Kitfile, a model file and a README, each a plain text literal Groovy can hold. */
    static final String KITFILE = """
            manifestVersion: 1.0.0
            package:
              name: demo
              version: 1.0.0
              description: A tiny ModelKit built by the integration tests
              license: Apache-2.0
            model:
              name: demo-model
              path: model/weights.bin
              version: 1.0.0
            docs:
              - path: README.md
                description: Model card
            """;

    static final String WEIGHTS = "0123456789abcdef-demo-weights";

    private TestRegistries() {}

    /** Condition for {@code @EnabledIf}: the registry the tests start can run here (Linux with docker-registry). */
    static boolean dockerRegistryInstalled() {
        return Files.isExecutable(DOCKER_REGISTRY);
    }

    /**
     * Pipeline lines that write the project into {@code dir} of the current workspace, on the agent.
     * Every literal is a Groovy {@code '''} string; none of the contents has a quote, backslash or dollar.
     */
    static String writeProject(String dir) {
        return "  writeFile file: '" + dir + "/Kitfile', text: '''" + KITFILE + "'''\n"
                + "  writeFile file: '" + dir + "/model/weights.bin', text: '" + WEIGHTS + "'\n"
                + "  writeFile file: '" + dir + "/README.md', text: '# demo model card'\n";
    }
}
