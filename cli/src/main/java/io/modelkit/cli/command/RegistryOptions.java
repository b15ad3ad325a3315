package io.modelkit.cli.command;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The network options every command that talks to a registry takes, as kit names them. */
final class RegistryOptions {
    @Option(names = "--plain-http", description = "Talk plain HTTP to the registry (loopback registries fall back to it by themselves).")
    boolean plainHttp;

    @Option(names = "--tls-ca", paramLabel = "FILE", description = "Trust the CA certificates in this PEM file, for a private registry.")
    Path tlsCa;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "4", converter = Converters.PositiveConverter.class,
            description = "How many blobs to move at once (default: 4).")
    int concurrency;
}
