package io.modelkit.cli.command;

import io.modelkit.core.ModelKitException;
import io.modelkit.core.registry.auth.Credential;
import io.modelkit.core.registry.auth.LoginStore;
import io.modelkit.core.store.ModelKitHome;
import java.io.Console;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code modelkit login}: keeps credentials for a registry in $MODELKIT_HOME/credentials.json (mode 0600). */
@Command(
        name = "login",
        mixinStandardHelpOptions = true,
        header = "Store credentials for a registry.",
        description = "Keeps the user name and password (or token) in $MODELKIT_HOME/credentials.json, readable by you "
                + "only. The password is read from standard input or typed at a prompt: never from the command line, "
                + "where other users and the shell history would see it.",
        footer = {
            "",
            "Examples:",
            "  echo \"$REGISTRY_TOKEN\" | modelkit login registry.example.com -u ci-bot --password-stdin",
            "  modelkit login localhost:5000 -u admin"
        })
final class LoginCommand extends StoreCommand {
    private static final int MAX_SECRET = 64 * 1024;

    @Parameters(index = "0", paramLabel = "REGISTRY", description = "The registry: host[:port].")
    String registry;

    @Option(names = {"-u", "--username"}, required = true, description = "The user name.")
    String username;

    @Option(names = "--password-stdin", description = "Read the password from standard input.")
    boolean passwordStdin;

    @Override
    protected void execute() throws Exception {
        String password = passwordStdin ? readStdin() : prompt();
        if (password.isEmpty()) {
            throw new ModelKitException("no password given for " + registry);
        }
        LoginStore store = LoginStore.inHome(ModelKitHome.resolve(context().env()).path());
        store.store(registry, Credential.password(username, password));
        out().println("Stored credentials for " + username + " at " + registry + " in " + store.file());
    }

    private String readStdin() throws java.io.IOException {
        byte[] bytes = context().in().readNBytes(MAX_SECRET + 1);
        if (bytes.length > MAX_SECRET) {
            throw new ModelKitException("the password on standard input for " + registry + " is longer than " + MAX_SECRET + " bytes");
        }
        return new String(bytes, StandardCharsets.UTF_8).strip();
    }

    private String prompt() {
        Console console = System.console();
        if (console == null || !context().terminal()) {
            throw new ModelKitException("no terminal to ask for the password of " + username + "@" + registry
                    + ": use --password-stdin");
        }
        char[] typed = console.readPassword("Password for %s@%s: ", username, registry);
        return typed == null ? "" : new String(typed);
    }
}
