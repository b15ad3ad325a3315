package io.jenkins.plugins.modelkit.stubs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import hudson.EnvVars;
import hudson.ExtensionList;
import hudson.FilePath;
import hudson.model.Action;
import hudson.model.InvisibleAction;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Result;
import hudson.model.Run;
import hudson.remoting.VirtualChannel;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import hudson.util.Secret;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import jenkins.MasterToSlaveFileCallable;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import jenkins.model.RunAction2;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StubBehaviourTest {

    @AfterEach
    void clearRegistry() {
        ExtensionList.lookup(Object.class).clear();
    }

    // --- FilePath -------------------------------------------------------------------------------

    static final class ListNames extends MasterToSlaveFileCallable<List<String>> {
        private static final long serialVersionUID = 1L;

        @Override
        public List<String> invoke(File f, VirtualChannel channel) throws IOException {
            assertThat(channel).isNull();
            List<String> names = new ArrayList<>();
            try (var s = Files.list(f.toPath())) {
                s.forEach(p -> names.add(p.getFileName().toString()));
            }
            return names;
        }
    }

    @Test
    void filePathActRunsTheCallableLocally(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Kitfile"), "manifestVersion: 1.0\n");
        FilePath ws = new FilePath(dir.toFile());
        assertThat(ws.act(new ListNames())).containsExactly("Kitfile");

        FilePath sub = ws.child("out/model");
        assertThat(sub.exists()).isFalse();
        sub.mkdirs();
        assertThat(sub.isDirectory()).isTrue();
        assertThat(sub.getName()).isEqualTo("model");
        assertThat(sub.getRemote()).isEqualTo(dir.resolve("out/model").toString());
        assertThat(sub.toString()).isEqualTo(sub.getRemote());
        assertThat(sub.isRemote()).isFalse();
        assertThat(new FilePath(ws, dir.resolve("abs").toString()).getRemote()).isEqualTo(dir.resolve("abs").toString());
    }

    // --- SynchronousNonBlockingStepExecution ------------------------------------------------------

    static final class RecordingContext extends StepContext {
        private static final long serialVersionUID = 1L;
        final transient CompletableFuture<Object> outcome = new CompletableFuture<>();

        @Override
        public <T> T get(Class<T> key) {
            return null;
        }

        @Override
        public void onSuccess(Object result) {
            outcome.complete(result);
        }

        @Override
        public void onFailure(Throwable t) {
            outcome.completeExceptionally(t);
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public ListenableFuture<Void> saveState() {
            return Futures.immediateFuture(null);
        }

        @Override
        public void setResult(Result r) {
        }

        @Override
        public BodyInvoker newBodyInvoker() {
            throw new IllegalStateException("no body");
        }

        @Override
        public boolean equals(Object o) {
            return o == this;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    @Test
    void synchronousNonBlockingExecutionDeliversTheResult() throws Exception {
        RecordingContext context = new RecordingContext();
        String[] thread = new String[1];
        var execution = new SynchronousNonBlockingStepExecution<String>(context) {
            private static final long serialVersionUID = 1L;

            @Override
            protected String run() {
                thread[0] = Thread.currentThread().getName();
                return "sha256:abc";
            }
        };
        assertThat(execution.start()).isFalse();
        assertThat(context.outcome.get(10, TimeUnit.SECONDS)).isEqualTo("sha256:abc");
        assertThat(thread[0]).isNotEqualTo(Thread.currentThread().getName());
        assertThat(context.hasBody()).isFalse();
    }

    @Test
    void synchronousNonBlockingExecutionDeliversFailuresAndStops() throws Exception {
        RecordingContext failing = new RecordingContext();
        new SynchronousNonBlockingStepExecution<Void>(failing) {
            private static final long serialVersionUID = 1L;

            @Override
            protected Void run() throws Exception {
                throw new IOException("registry said no");
            }
        }.start();
        assertThatThrownBy(() -> failing.outcome.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("registry said no");

        RecordingContext stopped = new RecordingContext();
        CountDownLatch running = new CountDownLatch(1);
        var blocking = new SynchronousNonBlockingStepExecution<Void>(stopped) {
            private static final long serialVersionUID = 1L;

            @Override
            protected Void run() throws Exception {
                running.countDown();
                Thread.sleep(60_000);
                return null;
            }
        };
        blocking.start();
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        blocking.stop(new InterruptedException("aborted by user"));
        assertThatThrownBy(() -> stopped.outcome.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("aborted by user");
    }

    // --- ExtensionList, Jenkins -------------------------------------------------------------------

    static final class Config extends GlobalConfiguration {
    }

    @Test
    void extensionListLookupSingleton() {
        assertThatThrownBy(() -> ExtensionList.lookupSingleton(Config.class)).isInstanceOf(IllegalStateException.class);
        Config config = new Config();
        ExtensionList.lookup(Config.class).add(config);
        assertThat(ExtensionList.lookupSingleton(Config.class)).isSameAs(config);
        assertThat(GlobalConfiguration.all()).containsExactly(config);
        assertThat(config.getDescriptor()).isSameAs(config);
        assertThat(config.getId()).isEqualTo(Config.class.getName());
        assertThat(Jenkins.get().hasPermission(Jenkins.ADMINISTER)).isTrue();
        Jenkins.get().checkPermission(Item.CONFIGURE);
    }

    // --- Run and actions --------------------------------------------------------------------------

    static final class TestJob extends Job<TestJob, TestRun> {
        TestJob(String name) {
            super(null, name);
        }
    }

    static final class TestRun extends Run<TestJob, TestRun> {
        TestRun(TestJob job) throws IOException {
            super(job);
        }
    }

    static final class Summary implements RunAction2 {
        transient Run<?, ?> attachedTo;
        final String digest;

        Summary(String digest) {
            this.digest = digest;
        }

        @Override
        public void onAttached(Run<?, ?> r) {
            attachedTo = r;
        }

        @Override
        public void onLoad(Run<?, ?> r) {
            attachedTo = r;
        }

        @Override
        public String getIconFileName() {
            return null;
        }

        @Override
        public String getDisplayName() {
            return "ModelKit";
        }

        @Override
        public String getUrlName() {
            return "modelkit";
        }
    }

    static final class Marker extends InvisibleAction {
    }

    @Test
    void runKeepsActionsAndCallsOnAttached() throws Exception {
        TestRun run = new TestRun(new TestJob("train"));
        Summary first = new Summary("sha256:1");
        run.addAction(first);
        assertThat(first.attachedTo).isSameAs(run);

        Summary second = new Summary("sha256:2");
        assertThat(run.addOrReplaceAction(second)).isTrue();
        assertThat(second.attachedTo).isSameAs(run);
        assertThat(run.getActions(Summary.class)).containsExactly(second);
        assertThat(run.getAction(Summary.class)).isSameAs(second);

        run.addAction(new Marker());
        assertThat(run.getActions()).hasSize(2);
        assertThat(run.removeActions(Marker.class)).isTrue();
        assertThat(run.getActions()).extracting(Action::getUrlName).containsExactly("modelkit");

        assertThat(run.getExternalizableId()).isEqualTo("train#1");
        assertThat(run.getUrl()).isEqualTo("job/train/1/");
        assertThat(run.getParent().getFullName()).isEqualTo("train");
        run.setResult(Result.UNSTABLE);
        run.setResult(Result.SUCCESS);
        assertThat(run.getResult()).isEqualTo(Result.UNSTABLE);
    }

    // --- Credentials ------------------------------------------------------------------------------

    @Test
    void findCredentialByIdFindsRegisteredUsernamePassword() throws Exception {
        UsernamePasswordCredentialsImpl c = new UsernamePasswordCredentialsImpl(
                CredentialsScope.GLOBAL, "registry", "Model registry", "robot", "s3cret-s3cret-s3cret");
        SystemCredentialsProvider.getInstance().getCredentials().add(c);
        TestRun run = new TestRun(new TestJob("train"));

        StandardUsernamePasswordCredentials found = CredentialsProvider.findCredentialById(
                "registry", StandardUsernamePasswordCredentials.class, run,
                URIRequirementBuilder.fromUri("https://registry.example/v2/").build());
        assertThat(found).isSameAs(c);
        assertThat(CredentialsProvider.track(run, found)).isSameAs(c);
        assertThat(found.getUsername()).isEqualTo("robot");
        assertThat(found.getPassword().getPlainText()).isEqualTo("s3cret-s3cret-s3cret");
        assertThat(CredentialsProvider.findCredentialById("other", StandardUsernamePasswordCredentials.class, run))
                .isNull();

        ListBoxModel items = new StandardListBoxModel()
                .includeEmptyValue()
                .includeAs(Jenkins.getAuthentication2(), null, StandardUsernamePasswordCredentials.class, List.of())
                .includeCurrentValue("gone");
        assertThat(items).extracting(o -> o.value).containsExactly("", "gone", "registry");
    }

    // --- small value types ------------------------------------------------------------------------

    @Test
    void envVarsFormValidationAndSecret() {
        EnvVars env = new EnvVars();
        env.put("REGISTRY", "registry.example");
        env.override("PATH+KIT", "/opt/kit");
        assertThat(env.expand("${REGISTRY}/models:$TAG $REGISTRY")).isEqualTo("registry.example/models:$TAG registry.example");
        assertThat(env.get("registry", "x")).isEqualTo("registry.example");
        assertThat(env.get("PATH")).isEqualTo("/opt/kit");
        assertThat(env.get("TAG", "latest")).isEqualTo("latest");

        assertThat(FormValidation.validateRequired(" ").kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(FormValidation.validateRequired("x").kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(FormValidation.warning("plain HTTP").getMessage()).isEqualTo("plain HTTP");

        assertThat(Secret.fromString("pw").getPlainText()).isEqualTo("pw");
        assertThat(Secret.fromString(Secret.fromString("pw").getEncryptedValue())).isEqualTo(Secret.fromString("pw"));
    }
}
