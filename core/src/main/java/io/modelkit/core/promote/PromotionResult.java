package io.modelkit.core.promote;

import io.modelkit.core.gate.GateReport;
import io.modelkit.core.oci.Descriptor;
import io.modelkit.core.oci.Digest;
import io.modelkit.core.transfer.CopyResult;
import java.util.List;

/**
 * What a promotion did. {@code gate} is null when the stage has no policy or the version already passed
 * it (rollback); {@code copy}, {@code record} null when nothing was written (dry run, gate failed).
 *
 * @param referrersCopied referrers and cosign {@code .att}/{@code .sig} images copied along
 */
public record PromotionResult(Outcome outcome, String stage, Digest digest, List<String> tags, GateReport gate,
                              CopyResult copy, int referrersCopied, Descriptor record, PromotionRecord written) {
    public PromotionResult {
        tags = List.copyOf(tags);
    }

    public enum Outcome {
        /** Copied, recorded and tagged. */
        PROMOTED,
        /** Every tag already held the digest and a record said so: nothing changed. */
        UNCHANGED,
        /** Every check passed; nothing was changed. */
        DRY_RUN,
        /** An enforced gate rule failed; nothing was changed. */
        GATE_FAILED
    }
}
