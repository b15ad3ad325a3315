package io.modelkit.cli.command;

import io.modelkit.core.registry.auth.LoginStore;
import io.modelkit.core.store.ModelKitHome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code modelkit logout}: forgets the credentials {@code login} stored for a registry. */
@Command(
        name = "logout",
        mixinStandardHelpOptions = true,
        header = "Remove stored credentials for a registry.",
        footer = {
            "",
            "Examples:",
            "  modelkit logout registry.example.com"
        })
final class LogoutCommand extends StoreCommand {
    @Parameters(index = "0", paramLabel = "REGISTRY", description = "The registry: host[:port].")
    String registry;

    @Override
    protected void execute() {
        LoginStore store = LoginStore.inHome(ModelKitHome.resolve(context().env()).path());
        out().println(store.erase(registry) ? "Removed credentials for " + registry
                : "No credentials were stored for " + registry);
    }
}
