package io.jenkins.plugins.modelkit.support;

import hudson.model.Run;
import java.io.IOException;

/** A build for the offline tests: keeps its actions, as a real one does, and counts its saves. */
public final class TestRun extends Run<TestJob, TestRun> {
    private int saves;

    public TestRun(TestJob job) throws IOException {
        super(job);
    }

    @Override
    public synchronized void save() {
        saves++;
    }

    public synchronized int saves() {
        return saves;
    }
}
