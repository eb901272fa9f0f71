package org.cometsim.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a sweep page in headless Chromium and checks that it renders: the screenshot decodes and
 * is not blank (many colours: text, tables and charts drawn). Skipped, with a message, where no
 * Chromium is installed ({@code .ci/run} installs it from the OS packages when it can).
 */
class HtmlReportBrowserTest {
    @TempDir
    Path dir;

    @Test
    void pageRendersInHeadlessChromium() throws Exception {
        String browser = findChromium();
        Assumptions.assumeTrue(browser != null,
                "no chromium/chromium-browser/google-chrome on PATH: browser test skipped (.ci/run installs chromium)");
        Path page = Reports.build(HtmlReportTest.sweepDir(dir.resolve("sweep")));
        Path shot = dir.resolve("shot.png");
        List<String> cmd = new ArrayList<>(List.of(browser, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--user-data-dir=" + dir.resolve("profile"),
                "--window-size=1280,2400", "--screenshot=" + shot, page.toUri().toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile())
                .start();
        // A bound on a hung browser, not a timing assertion: a finished screenshot is all we check.
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish; log: " + Files.readString(dir.resolve("chromium.log")));
        }
        assertTrue(Files.isRegularFile(shot), "screenshot written; log: " + Files.readString(dir.resolve("chromium.log")));
        BufferedImage img = ImageIO.read(shot.toFile());
        assertNotNull(img, "screenshot decodes");
        assertEquals(1280, img.getWidth());
        Set<Integer> colours = new HashSet<>();
        long nonWhite = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                if (rgb != 0xFFFFFF) {
                    nonWhite++;
                }
            }
        }
        long sampled = (long) (img.getHeight() / 2) * (img.getWidth() / 2);
        assertTrue(colours.size() > 50, "rendered, not blank: " + colours.size() + " colours");
        assertTrue(nonWhite > sampled / 50, "rendered, not blank: " + nonWhite + " of " + sampled + " pixels drawn");
    }

    static String findChromium() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String name : List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")) {
            for (String d : path.split(java.io.File.pathSeparator)) {
                Path f = Path.of(d, name);
                if (Files.isExecutable(f)) {
                    return f.toString();
                }
            }
        }
        return null;
    }
}
