package org.cometsim.workloads.apps.photoeditor;

import org.cometsim.workloads.apps.AppArgs;
import org.cometsim.workloads.apps.Checksum;

/**
 * Photo-editor pipeline (COMET category: image editors): generates a synthetic ARGB photo (int[]) and runs
 * blur, sharpen, contrast, grayscale and Sobel edge detection, printing a checksum after each stage and
 * an edge-strength histogram at the end. No java.awt: images are plain int arrays.
 *
 * <p>Usage: {@code PhotoEditor small|medium|paper}: 128x96, 640x480, 1600x1200 pixels.
 * Single-threaded; output fully deterministic.
 */
public final class PhotoEditor {
    private PhotoEditor() {
    }

    public static void main(String[] args) {
        int size = AppArgs.size(args);
        int w = AppArgs.pick(size, 128, 640, 1600);
        int h = AppArgs.pick(size, 96, 480, 1200);
        Image img = Image.synthetic(w, h, 7);
        Checksum total = new Checksum();
        img = stage("blur", Filters.blur(img), total);
        img = stage("sharpen", Filters.sharpen(img), total);
        img = stage("contrast", Filters.contrast(img, 130), total);
        img = stage("grayscale", Filters.grayscale(img), total);
        img = stage("edges", Filters.edges(img), total);
        int[] hist = new int[8];
        for (int i = 0; i < img.pixels.length; i++) {
            hist[(img.pixels[i] & 255) >> 5]++;
        }
        StringBuilder hs = new StringBuilder();
        for (int i = 0; i < hist.length; i++) {
            hs.append(i == 0 ? "" : " ").append(hist[i]);
        }
        System.out.println("photoeditor size=" + AppArgs.sizeName(size) + " " + w + "x" + h);
        System.out.println("edge histogram: " + hs);
        System.out.println("checksum=" + total.hex());
    }

    private static Image stage(String name, Image out, Checksum total) {
        Checksum c = new Checksum().addAll(out.pixels);
        total.add(c.value());
        System.out.println(name + ": " + c.hex());
        return out;
    }
}
