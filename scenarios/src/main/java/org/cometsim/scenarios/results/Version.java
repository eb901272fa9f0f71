package org.cometsim.scenarios.results;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The comet-sim version stored with every result: from the jar's Maven metadata, else {@code dev}. */
public final class Version {
    private Version() {
    }

    public static String comet() {
        try (InputStream in = Version.class.getResourceAsStream("/META-INF/maven/org.cometsim/scenarios/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "dev");
            }
        } catch (IOException e) {
            // fall through: an unknown version is not an error
        }
        return "dev";
    }
}
