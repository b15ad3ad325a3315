package io.jenkins.plugins.modelkit.support;

import hudson.model.ItemGroup;
import hudson.model.Job;

/** A job for the offline tests: a name, nothing else. */
public final class TestJob extends Job<TestJob, TestRun> {
    public TestJob(String name) {
        super(new ItemGroup<>() {
            @Override
            public String getFullName() {
                return "";
            }

            @Override
            public String getFullDisplayName() {
                return "";
            }

            @Override
            public String getUrl() {
                return "";
            }

            @Override
            public String getDisplayName() {
                return "";
            }
        }, name);
    }
}
