package org.cometsim.device.presets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reading preset resources: a directory's {@code INDEX} of names, and a resource's text. */
public final class PresetResources {
    private PresetResources() {
    }

    /** Names listed in {@code dir + "INDEX"}, one per line; blank lines and {@code #} comments skipped. */
    public static List<String> names(String dir) {
        List<String> out = new ArrayList<>();
        for (String line : text(dir + "INDEX").split("\n")) {
            String s = line.strip();
            if (!s.isEmpty() && !s.startsWith("#")) {
                out.add(s);
            }
        }
        return out;
    }

    /** The UTF-8 text of a class-path resource; IllegalArgumentException if there is none. */
    public static String text(String path) {
        try (InputStream in = PresetResources.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no such resource: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
