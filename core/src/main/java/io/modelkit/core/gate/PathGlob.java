package io.modelkit.core.gate;

import java.util.regex.Pattern;

/**
 * A glob over hyperparameter paths such as {@code model.parameters.optimizer.betas[1]}: {@code *} stands for any run of
 * characters within one step (no {@code .} or {@code [}), {@code **} for any run at all; everything else
 * is literal, so {@code betas[*]} matches every element of {@code betas}.
 */
public record PathGlob(String glob, Pattern pattern) {

    public static PathGlob of(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^.\\[\\]]*");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return new PathGlob(glob, Pattern.compile(regex.toString()));
    }

    public boolean matches(String path) {
        return pattern.matcher(path).matches();
    }

    @Override
    public String toString() {
        return glob;
    }
}
