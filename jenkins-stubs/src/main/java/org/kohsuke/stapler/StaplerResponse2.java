// Declarations match org.kohsuke.stapler:stapler 2076.v1b_a_c12445eb_e (core/src/main/java/org/kohsuke/stapler/StaplerResponse2.java).
package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServletResponse;

/** Only what the plugin uses: the servlet response. Stapler's own members (forward, serveFile, ...) are not declared. */
public interface StaplerResponse2 extends HttpServletResponse {
}
