package io.jenkins.plugins.modelkit.steps;

import hudson.model.Item;
import hudson.util.ListBoxModel;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** The descriptor of a step that signs: it offers "Secret file" keys and "Secret text" passwords. */
public abstract class SigningStepDescriptor extends ModelKitStepDescriptor {

    @POST
    public ListBoxModel doFillKeyCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String keyCredentialsId) {
        return credentialsItems(item, keyCredentialsId, FileCredentials.class);
    }

    @POST
    public ListBoxModel doFillPasswordCredentialsIdItems(@AncestorInPath Item item,
            @QueryParameter String passwordCredentialsId) {
        return credentialsItems(item, passwordCredentialsId, StringCredentials.class);
    }
}
