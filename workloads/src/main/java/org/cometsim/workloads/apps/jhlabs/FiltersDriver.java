package org.cometsim.workloads.apps.jhlabs;

import com.jhlabs.image.BoxBlurFilter;
import com.jhlabs.image.ContrastFilter;
import com.jhlabs.image.ConvolveFilter;
import com.jhlabs.image.EdgeFilter;
import com.jhlabs.image.GaussianFilter;
import com.jhlabs.image.GrayscaleFilter;
import com.jhlabs.image.PosterizeFilter;
import com.jhlabs.image.SharpenFilter;
import org.cometsim.workloads.apps.AppArgs;
import org.cometsim.workloads.apps.Checksum;
import org.cometsim.workloads.apps.photoeditor.Image;

import java.awt.image.Kernel;

/**
 * Driver for JH Labs filters ({@code com.jhlabs:filters:2.0.235-1}, class path entry jhlabs-filters;
 * COMET category: image editors). Uses only the filters' int[]-level entry points, so no
 * {@code java.awt.image.BufferedImage} is ever created:
 * <ul>
 *   <li>Gaussian blur: {@code GaussianFilter.makeKernel} + static {@code convolveAndTranspose} twice
 *       (exactly what {@code GaussianFilter.filter} does between getRGB and setRGB);</li>
 *   <li>box blur: static {@code BoxBlurFilter.blur} twice (horizontal, then transposed);</li>
 *   <li>sharpen: {@code SharpenFilter.getKernel()} + static {@code ConvolveFilter.convolve};</li>
 *   <li>contrast, grayscale, posterize: per-pixel {@code PointFilter.filterRGB} (contrast's lookup table is
 *       built by {@code TransferFilter.getLUT()} first, since {@code filterRGB} does not build it);</li>
 *   <li>edge detection: {@code EdgeFilter.filterPixels(w, h, pixels, null)}, reached through a subclass
 *       because the method is protected (it ignores its Rectangle argument).</li>
 * </ul>
 * The remaining java.awt surface is {@code java.awt.image.Kernel} (a plain data holder: constructor,
 * getWidth, getHeight, getKernelData) and the {@code java.awt.Rectangle} type in a method signature.
 * The input is the same synthetic photo as {@code photoeditor.PhotoEditor}'s.
 *
 * <p>Usage: {@code FiltersDriver small|medium|paper}: 128x96 (Gaussian radius 3), 640x480 (radius 5),
 * 1600x1200 (radius 8). Single-threaded; fully deterministic.
 */
public final class FiltersDriver {
    private FiltersDriver() {
    }

    /** Exposes EdgeFilter's protected whole-image method. */
    static final class Edges extends EdgeFilter {
        int[] apply(int w, int h, int[] pixels) {
            return filterPixels(w, h, pixels, null);
        }
    }

    public static void main(String[] args) {
        int size = AppArgs.size(args);
        int w = AppArgs.pick(size, 128, 640, 1600);
        int h = AppArgs.pick(size, 96, 480, 1200);
        float radius = AppArgs.pick(size, 3, 5, 8);
        int[] px = Image.synthetic(w, h, 7).pixels;
        Checksum total = new Checksum();

        Kernel gauss = GaussianFilter.makeKernel(radius);
        int[] tmp = new int[w * h];
        int[] out = new int[w * h];
        GaussianFilter.convolveAndTranspose(gauss, px, tmp, w, h, true, false, false, ConvolveFilter.CLAMP_EDGES);
        GaussianFilter.convolveAndTranspose(gauss, tmp, out, h, w, true, false, false, ConvolveFilter.CLAMP_EDGES);
        px = stage("gaussian", out, total);

        out = new int[w * h];
        tmp = new int[w * h];
        BoxBlurFilter.blur(px, tmp, w, h, 2f);
        BoxBlurFilter.blur(tmp, out, h, w, 2f);
        px = stage("boxblur", out, total);

        out = new int[w * h];
        ConvolveFilter.convolve(new SharpenFilter().getKernel(), px, out, w, h, true, ConvolveFilter.CLAMP_EDGES);
        px = stage("sharpen", out, total);

        ContrastFilter contrast = new ContrastFilter();
        contrast.setContrast(1.3f);
        contrast.setBrightness(1.1f);
        contrast.getLUT(); // builds the r/g/b tables that filterRGB reads
        px = stage("contrast", pointFilter(contrast, px, w, h), total);

        int[] gray = stage("grayscale", pointFilter(new GrayscaleFilter(), px, w, h), total);

        PosterizeFilter posterize = new PosterizeFilter();
        posterize.setNumLevels(6);
        stage("posterize", pointFilter(posterize, px, w, h), total);

        int[] edges = stage("edges", new Edges().apply(w, h, gray), total);
        long strength = 0;
        for (int i = 0; i < edges.length; i++) {
            strength += edges[i] & 255;
        }
        System.out.println("jhlabs size=" + AppArgs.sizeName(size) + " " + w + "x" + h + " gaussianRadius=" + radius);
        System.out.println("mean edge strength=" + strength / edges.length);
        System.out.println("checksum=" + total.hex());
    }

    private static int[] pointFilter(com.jhlabs.image.PointFilter f, int[] in, int w, int h) {
        int[] out = new int[in.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + x] = f.filterRGB(x, y, in[y * w + x]);
            }
        }
        return out;
    }

    private static int[] stage(String name, int[] pixels, Checksum total) {
        Checksum c = new Checksum().addAll(pixels);
        total.add(c.value());
        System.out.println(name + ": " + c.hex());
        return pixels;
    }
}
