package org.cometsim.workloads.apps.photoeditor;

import org.cometsim.workloads.apps.Lcg;

/** An ARGB image as one int[] in row-major order, plus a seeded generator for a synthetic photo. */
public final class Image {
    public final int width;
    public final int height;
    public final int[] pixels;

    public Image(int width, int height) {
        this(width, height, new int[width * height]);
    }

    public Image(int width, int height, int[] pixels) {
        this.width = width;
        this.height = height;
        this.pixels = pixels;
    }

    /** A "photo": sky-to-ground gradient, random discs of colour, and sensor noise. */
    public static Image synthetic(int w, int h, long seed) {
        Lcg rnd = new Lcg(seed);
        Image img = new Image(w, h);
        int[] p = img.pixels;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = 40 + 150 * y / h;
                int g = 90 + 100 * x / w;
                int b = 220 - 160 * y / h;
                p[y * w + x] = argb(255, r, g, b);
            }
        }
        int discs = 6 + (w * h) / 4000;
        for (int d = 0; d < discs; d++) {
            int cx = rnd.nextInt(w);
            int cy = rnd.nextInt(h);
            int rad = 2 + rnd.nextInt(1 + Math.min(w, h) / 6);
            int color = rnd.nextInt() | 0xff000000;
            for (int y = Math.max(0, cy - rad); y < Math.min(h, cy + rad + 1); y++) {
                for (int x = Math.max(0, cx - rad); x < Math.min(w, cx + rad + 1); x++) {
                    int dx = x - cx;
                    int dy = y - cy;
                    if (dx * dx + dy * dy <= rad * rad) {
                        p[y * w + x] = color;
                    }
                }
            }
        }
        for (int i = 0; i < p.length; i++) {
            int n = rnd.nextInt(17) - 8;
            int c = p[i];
            p[i] = argb(c >>> 24, clamp(((c >> 16) & 255) + n), clamp(((c >> 8) & 255) + n), clamp((c & 255) + n));
        }
        return img;
    }

    public static int argb(int a, int r, int g, int b) {
        return (a << 24) | (r << 16) | (g << 8) | b;
    }

    public static int clamp(int v) {
        return v < 0 ? 0 : v > 255 ? 255 : v;
    }
}
