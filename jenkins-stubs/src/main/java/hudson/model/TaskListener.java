// Declarations match org.jenkins-ci.main:jenkins-core 2.555.3 (core/src/main/java/hudson/model/TaskListener.java).
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

/** Upstream also has {@code annotate(ConsoleNote)} and {@code hyperlink}; not declared. */
public interface TaskListener extends SerializableOnlyOverRemoting {
    @NonNull
    PrintStream getLogger();

    @NonNull
    default Charset getCharset() {
        return StandardCharsets.UTF_8;
    }

    @NonNull
    default PrintWriter error(String msg) {
        PrintStream logger = getLogger();
        logger.println("ERROR: " + msg);
        return new PrintWriter(new OutputStreamWriter(logger, getCharset()), true);
    }

    @NonNull
    default PrintWriter error(String format, Object... args) {
        return error(String.format(format, args));
    }

    @NonNull
    default PrintWriter fatalError(String msg) {
        PrintStream logger = getLogger();
        logger.println("FATAL: " + msg);
        return new PrintWriter(new OutputStreamWriter(logger, getCharset()), true);
    }

    @NonNull
    default PrintWriter fatalError(String format, Object... args) {
        return fatalError(String.format(format, args));
    }

    /** Upstream's value is a {@code hudson.model.NullTaskListener}; here an anonymous listener that discards output. */
    TaskListener NULL = new TaskListener() {
        private static final long serialVersionUID = 1L;

        @Override
        public PrintStream getLogger() {
            return new PrintStream(OutputStream.nullOutputStream());
        }
    };
}
