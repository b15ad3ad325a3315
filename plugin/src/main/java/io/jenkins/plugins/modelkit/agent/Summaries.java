package io.jenkins.plugins.modelkit.agent;

import io.modelkit.core.transfer.CopyResult;

/** The details a copy adds to a summary, named alike for every step. */
final class Summaries {
    private Summaries() {
    }

    static ModelKitSummary pushed(ModelKitSummary summary, CopyResult copy) {
        return transferred(summary.with("pushed", true), copy);
    }

    static ModelKitSummary transferred(ModelKitSummary summary, CopyResult copy) {
        return summary.with("blobsCopied", copy.blobsCopied())
                .with("blobsMounted", copy.blobsMounted())
                .with("blobsSkipped", copy.blobsSkipped())
                .with("bytesCopied", copy.bytesCopied());
    }
}
