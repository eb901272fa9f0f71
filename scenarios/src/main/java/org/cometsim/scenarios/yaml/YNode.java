package org.cometsim.scenarios.yaml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value with where it was written: file, line and column (1-based), so that every error
 * about a scenario or sweep can name the place. Immutable except through {@link YMap#with}, which
 * copies.
 */
public abstract sealed class YNode permits YNode.YMap, YNode.YList, YNode.YScalar {
    private final String file;
    private final int line;
    private final int column;

    YNode(String file, int line, int column) {
        this.file = file;
        this.line = line;
        this.column = column;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** {@code file:line:column}. */
    public String where() {
        return file + ":" + line + ":" + column;
    }

    /** What kind of value this is, in the words of an error message. */
    public abstract String kind();

    /** A mapping; keys keep their order and their own positions. */
    public static final class YMap extends YNode {
        private final LinkedHashMap<String, YNode> entries;
        private final LinkedHashMap<String, YScalar> keys;

        public YMap(String file, int line, int column, LinkedHashMap<String, YNode> entries,
                    LinkedHashMap<String, YScalar> keys) {
            super(file, line, column);
            this.entries = entries;
            this.keys = keys;
        }

        public Map<String, YNode> entries() {
            return Collections.unmodifiableMap(entries);
        }

        public YNode get(String key) {
            return entries.get(key);
        }

        /** Where the key itself was written (for unknown-key errors). */
        public YScalar key(String key) {
            return keys.get(key);
        }

        /** A copy with {@code key} set to {@code value} (added at the end if new). */
        public YMap with(String key, YNode value) {
            LinkedHashMap<String, YNode> e = new LinkedHashMap<>(entries);
            LinkedHashMap<String, YScalar> k = new LinkedHashMap<>(keys);
            e.put(key, value);
            k.putIfAbsent(key, new YScalar(value.file(), value.line(), value.column(), key, false));
            return new YMap(file(), line(), column(), e, k);
        }

        @Override
        public String kind() {
            return "a mapping";
        }
    }

    /** A sequence. */
    public static final class YList extends YNode {
        private final List<YNode> items;

        public YList(String file, int line, int column, List<YNode> items) {
            super(file, line, column);
            this.items = new ArrayList<>(items);
        }

        public List<YNode> items() {
            return Collections.unmodifiableList(items);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    /** A scalar: its text as written (null for YAML null), and whether it was quoted-or-plain text. */
    public static final class YScalar extends YNode {
        private final String text;
        private final boolean isString;

        public YScalar(String file, int line, int column, String text, boolean isString) {
            super(file, line, column);
            this.text = text;
            this.isString = isString;
        }

        /** The text as written; null for a YAML null. */
        public String text() {
            return text;
        }

        /** True if YAML typed it as a string (not a number, boolean or null). */
        public boolean isString() {
            return isString;
        }

        @Override
        public String kind() {
            return text == null ? "null" : isString ? "text '" + text + "'" : "'" + text + "'";
        }
    }
}
