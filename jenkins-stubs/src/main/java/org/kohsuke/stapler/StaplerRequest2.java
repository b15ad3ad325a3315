// Declarations match org.kohsuke.stapler:stapler 2076.v1b_a_c12445eb_e (core/src/main/java/org/kohsuke/stapler/StaplerRequest2.java).
package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServletRequest;

/** Only what the plugin uses: the servlet request. Stapler's own members are not declared. */
public interface StaplerRequest2 extends HttpServletRequest {
}
