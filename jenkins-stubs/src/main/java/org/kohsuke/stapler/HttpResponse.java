// Declarations match org.kohsuke.stapler:stapler 2076.v1b_a_c12445eb_e (core/src/main/java/org/kohsuke/stapler/HttpResponse.java).
package org.kohsuke.stapler;

import jakarta.servlet.ServletException;
import java.io.IOException;

/** Stub: only the jakarta variant; the deprecated javax {@code generateResponse(StaplerRequest, StaplerResponse, Object)} is not declared. */
public interface HttpResponse {
    default void generateResponse(StaplerRequest2 req, StaplerResponse2 rsp, Object node) throws IOException, ServletException {
        throw new AbstractMethodError("The class " + getClass().getName() + " must override generateResponse");
    }
}
