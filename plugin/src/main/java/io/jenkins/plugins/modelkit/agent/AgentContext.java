package io.jenkins.plugins.modelkit.agent;

import io.modelkit.core.ProgressListener;
import io.modelkit.core.transfer.Copier;
import io.modelkit.core.transfer.Endpoints;

/** What an operation on the agent works with: where ModelKits live, the copy engine, the build log. */
record AgentContext(AgentConnections connections, ProgressListener progress, AgentSettings settings) {

    Endpoints endpoints() {
        return connections.endpoints();
    }

    Copier copier() {
        return new Copier(settings.concurrency(), progress);
    }
}
