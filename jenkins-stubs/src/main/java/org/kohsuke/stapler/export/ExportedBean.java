// Declarations match org.kohsuke.stapler:stapler 2076.v1b_a_c12445eb_e (core/src/main/java/org/kohsuke/stapler/export/ExportedBean.java).
package org.kohsuke.stapler.export;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Upstream is also meta-annotated {@code @Indexed} (annotation-indexer); not declared. */
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Target(ElementType.TYPE)
public @interface ExportedBean {
    int defaultVisibility() default 1;
}
