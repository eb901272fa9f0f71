package org.cometsim.scenarios.yaml;

import java.util.Collection;

/**
 * A mistake in a scenario or sweep file (or a results database), reported as one line that names
 * the place ({@code file:line:column}), the field, what was found and what is allowed. The CLI
 * turns it into exit status 2.
 */
public final class ScenarioException extends RuntimeException {
    public ScenarioException(String message) {
        super(message);
    }

    /** {@code file:line:col: field: found X; allowed: Y}. */
    public static ScenarioException at(YNode where, String field, String problem) {
        return new ScenarioException(where.where() + ": " + field + ": " + problem);
    }

    /** An unknown key, with the nearest valid name when one is close. */
    public static ScenarioException unknownKey(YNode keyNode, String parent, String key, Collection<String> valid) {
        String near = Suggest.nearest(key, valid);
        return new ScenarioException(keyNode.where() + ": " + (parent.isEmpty() ? "" : parent + ": ") + "unknown key '" + key + "'"
                + (near != null ? " (did you mean '" + near + "'?)" : "") + "; allowed: " + String.join(", ", valid));
    }
}
