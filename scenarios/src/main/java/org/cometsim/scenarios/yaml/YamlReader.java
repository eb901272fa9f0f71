package org.cometsim.scenarios.yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads a YAML document into {@link YNode}s with Jackson's streaming YAML parser, keeping each
 * value's line and column (a data-binding tree would lose them). Duplicate keys are errors.
 */
public final class YamlReader {
    private YamlReader() {
    }

    /** Reads {@code file}; a missing or unreadable file or malformed YAML is a {@link ScenarioException}. */
    public static YNode read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(file + ": no such file");
        } catch (IOException e) {
            throw new ScenarioException(file + ": cannot read: " + e.getMessage());
        }
        return parse(file.toString(), text);
    }

    /** Parses {@code text}, naming it {@code name} in locations. */
    public static YNode parse(String name, String text) {
        try (JsonParser p = new YAMLFactory().createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new ScenarioException(name + ":1:1: the file is empty (expected a mapping)");
            }
            YNode root = value(name, p, t);
            if (p.nextToken() != null) {
                JsonLocation l = p.currentTokenLocation();
                throw new ScenarioException(name + ":" + l.getLineNr() + ":" + l.getColumnNr()
                        + ": more than one YAML document; a scenario is one document");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            String msg = e.getOriginalMessage().replace('\n', ' ').replaceAll("\\s+", " ").trim();
            throw new ScenarioException(name + (l != null ? ":" + l.getLineNr() + ":" + l.getColumnNr() : "")
                    + ": malformed YAML: " + msg);
        } catch (IOException e) {
            throw new ScenarioException(name + ": cannot read: " + e.getMessage());
        }
    }

    private static YNode value(String name, JsonParser p, JsonToken t) throws IOException {
        JsonLocation at = p.currentTokenLocation();
        int line = at.getLineNr();
        int col = at.getColumnNr();
        switch (t) {
            case START_OBJECT -> {
                LinkedHashMap<String, YNode> entries = new LinkedHashMap<>();
                LinkedHashMap<String, YNode.YScalar> keys = new LinkedHashMap<>();
                JsonToken k;
                while ((k = p.nextToken()) == JsonToken.FIELD_NAME) {
                    JsonLocation kl = p.currentTokenLocation();
                    String key = p.currentName();
                    YNode.YScalar keyNode = new YNode.YScalar(name, kl.getLineNr(), kl.getColumnNr(), key, true);
                    if (entries.containsKey(key)) {
                        throw new ScenarioException(keyNode.where() + ": key '" + key + "' given twice (first at line "
                                + keys.get(key).line() + ")");
                    }
                    YNode v = value(name, p, p.nextToken());
                    entries.put(key, v);
                    keys.put(key, keyNode);
                }
                YNode.YMap m = new YNode.YMap(name, line, col, entries, keys);
                return m;
            }
            case START_ARRAY -> {
                List<YNode> items = new ArrayList<>();
                JsonToken i;
                while ((i = p.nextToken()) != JsonToken.END_ARRAY) {
                    items.add(value(name, p, i));
                }
                return new YNode.YList(name, line, col, items);
            }
            case VALUE_STRING -> {
                return new YNode.YScalar(name, line, col, p.getText(), true);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> {
                return new YNode.YScalar(name, line, col, p.getText(), false);
            }
            case VALUE_NULL -> {
                return new YNode.YScalar(name, line, col, null, false);
            }
            default -> throw new ScenarioException(name + ":" + line + ":" + col + ": unexpected YAML " + t);
        }
    }
}
