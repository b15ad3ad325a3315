// Declarations match org.jenkins-ci.main:jenkins-core 2.555.3 (core/src/main/java/hudson/EnvVars.java).
package hudson;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.File;
import java.util.Map;
import java.util.TreeMap;

/** Stub: {@link #expand} replaces ${NAME} and $NAME of defined variables and leaves the rest as is. */
public class EnvVars extends TreeMap<String, String> {
    private static final long serialVersionUID = 1L;

    public EnvVars() {
        super(String.CASE_INSENSITIVE_ORDER);
    }

    public EnvVars(@NonNull Map<String, String> m) {
        this();
        putAll(m);
    }

    public void override(String key, String value) {
        if (value == null || value.isEmpty()) {
            remove(key);
            return;
        }
        int plus = key.indexOf('+');
        if (plus > 0) {
            String realKey = key.substring(0, plus);
            String old = get(realKey);
            put(realKey, old == null ? value : value + File.pathSeparatorChar + old);
            return;
        }
        put(key, value);
    }

    public String get(String key, String defaultValue) {
        String v = get(key);
        return v == null ? defaultValue : v;
    }

    @Override
    public String put(String key, String value) {
        if (value == null) {
            throw new IllegalArgumentException("Null value not allowed as an environment variable: " + key);
        }
        return super.put(key, value);
    }

    public String expand(String s) {
        if (s == null || s.indexOf('$') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '$' && i + 1 < s.length()) {
                int end;
                String name;
                if (s.charAt(i + 1) == '{') {
                    end = s.indexOf('}', i + 2);
                    if (end < 0) {
                        out.append(s, i, s.length());
                        break;
                    }
                    name = s.substring(i + 2, end);
                    end++;
                } else {
                    end = i + 1;
                    while (end < s.length() && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '_')) {
                        end++;
                    }
                    name = s.substring(i + 1, end);
                }
                String v = name.isEmpty() ? null : get(name);
                if (v == null) {
                    out.append(s, i, end == i + 1 ? i + 1 : end);
                } else {
                    out.append(v);
                }
                i = end == i + 1 ? i + 1 : end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
