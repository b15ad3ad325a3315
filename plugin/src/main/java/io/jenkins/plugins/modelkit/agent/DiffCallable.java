package io.jenkins.plugins.modelkit.agent;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import hudson.model.TaskListener;
import io.modelkit.core.ModelKitException;
import io.modelkit.core.diff.DiffMarkdown;
import io.modelkit.core.diff.ModelKitDiff;
import io.modelkit.core.diff.ModelKitDiffResult;
import io.modelkit.core.inspect.ModelKitContents;
import io.modelkit.core.inspect.ModelKitReader;
import io.modelkit.core.oci.Location;
import java.io.File;
import java.util.Map;

/**
 * {@code modelkitDiff} on the agent: reads both ModelKits, compares them and sends back the diff as
 * plain maps and lists ({@code diff}) and as Markdown ({@code markdown}) in the details of B's summary.
 * Numbers stay exact ({@link java.math.BigDecimal}), as the Kitfile wrote them.
 */
public final class DiffCallable extends ModelKitCallable {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final String referenceA;
    private final String nameA;
    private final String referenceB;
    private final String nameB;
    private final boolean remote;

    /**
     * @param referenceA the baseline, as the agent must read it ({@code oci:} paths absolute)
     * @param nameA the baseline as the step named it, shown in the diff
     */
    public DiffCallable(TaskListener listener, AgentSettings settings, String referenceA, String nameA, String referenceB,
            String nameB, boolean remote) {
        super(listener, settings);
        this.referenceA = referenceA;
        this.nameA = nameA;
        this.referenceB = referenceB;
        this.nameB = nameB;
        this.remote = remote;
    }

    @Override
    ModelKitSummary run(File workspace, AgentContext context) {
        ModelKitContents a = read(context, referenceA, nameA);
        ModelKitContents b = read(context, referenceB, nameB);
        ModelKitDiffResult diff = ModelKitDiff.compare(a, b);
        context.progress().info(diff.identical() ? "ModelKits " + nameA + " and " + nameB + " are identical (" + diff.digestB() + ")"
                : "Compared " + nameA + " (" + diff.digestA() + ") with " + nameB + " (" + diff.digestB() + "): "
                + diff.kitfileFields().size() + " Kitfile fields, " + diff.hyperparameters().size() + " hyperparameters and "
                + diff.contentChanges().size() + " entries changed");
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = JSON.convertValue(diff.toJson(), Map.class);
        return ModelKitSummary.of(nameB, b.manifest(), b.kitfile())
                .with("diff", tree)
                .with("markdown", DiffMarkdown.render(diff));
    }

    /** The ModelKit, named as the step named it; a failure names the reference too. */
    private ModelKitContents read(AgentContext context, String reference, String name) {
        try {
            ModelKitContents kit = ModelKitReader.read(context.endpoints().reading(Location.parse(reference), remote));
            return new ModelKitContents(name, kit.manifest(), kit.kitfile(), kit.layers());
        } catch (ModelKitException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            throw message.contains(name) || message.contains(reference) ? e : new ModelKitException(name + ": " + message, e);
        }
    }
}
