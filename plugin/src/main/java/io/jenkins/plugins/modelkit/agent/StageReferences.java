package io.jenkins.plugins.modelkit.agent;

import hudson.remoting.VirtualChannel;
import io.modelkit.core.ModelKitException;
import io.modelkit.core.promote.Stage;
import io.modelkit.core.promote.StagesReader;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import jenkins.MasterToSlaveFileCallable;

/**
 * The stages file's repositories, each as its stage tag's reference, read where the file is so that
 * the controller knows which registries' access to send. A missing or malformed file gives none: the
 * promotion itself reports it with the full message.
 */
public final class StageReferences extends MasterToSlaveFileCallable<ArrayList<String>> {
    private static final long serialVersionUID = 1L;

    @Override
    public ArrayList<String> invoke(File file, VirtualChannel channel) throws IOException {
        ArrayList<String> references = new ArrayList<>();
        if (!file.isFile()) {
            return references;
        }
        try {
            for (Stage stage : StagesReader.read(Files.readString(file.toPath(), StandardCharsets.UTF_8), file.getName(),
                    file.getAbsoluteFile().toPath().getParent()).stages()) {
                references.add(stage.reference(stage.stageTag()).toString());
            }
        } catch (ModelKitException e) {
            // reported by the promotion, which names the file as the step does
        }
        return references;
    }
}
