package io.modelkit.cli.command;

import io.modelkit.core.ModelKitVersion;
import picocli.CommandLine;

/** {@code modelkit --version}: this tool's version and the Java runtime it runs on. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "modelkit " + ModelKitVersion.get(),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
