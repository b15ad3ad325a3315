package io.modelkit.core.gate;

/** One value a rule compared: what, what the policy expected, what was found. */
public record Comparison(String what, String expected, String actual) {
}
