package org.cometsim.workloads.apps.photoeditor;

/** The photo editor's filters: each reads one image and writes a new one (edges clamp). */
final class Filters {
    private Filters() {
    }

    /** Separable 5-tap binomial blur (1 4 6 4 1)/16, horizontal then vertical. */
    static Image blur(Image src) {
        int w = src.width;
        int h = src.height;
        int[] in = src.pixels;
        int[] tmp = new int[w * h];
        int[] out = new int[w * h];
        int[] k = {1, 4, 6, 4, 1};
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = 0;
                int g = 0;
                int b = 0;
                for (int i = -2; i <= 2; i++) {
                    int xx = x + i < 0 ? 0 : x + i >= w ? w - 1 : x + i;
                    int c = in[y * w + xx];
                    int kv = k[i + 2];
                    r += kv * ((c >> 16) & 255);
                    g += kv * ((c >> 8) & 255);
                    b += kv * (c & 255);
                }
                tmp[y * w + x] = (in[y * w + x] & 0xff000000) | ((r >> 4) << 16) | ((g >> 4) << 8) | (b >> 4);
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = 0;
                int g = 0;
                int b = 0;
                for (int i = -2; i <= 2; i++) {
                    int yy = y + i < 0 ? 0 : y + i >= h ? h - 1 : y + i;
                    int c = tmp[yy * w + x];
                    int kv = k[i + 2];
                    r += kv * ((c >> 16) & 255);
                    g += kv * ((c >> 8) & 255);
                    b += kv * (c & 255);
                }
                out[y * w + x] = (tmp[y * w + x] & 0xff000000) | ((r >> 4) << 16) | ((g >> 4) << 8) | (b >> 4);
            }
        }
        return new Image(w, h, out);
    }

    /** 3x3 sharpen: 5*centre minus the four neighbours. */
    static Image sharpen(Image src) {
        int w = src.width;
        int h = src.height;
        int[] in = src.pixels;
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            int up = y > 0 ? y - 1 : 0;
            int down = y < h - 1 ? y + 1 : h - 1;
            for (int x = 0; x < w; x++) {
                int left = x > 0 ? x - 1 : 0;
                int right = x < w - 1 ? x + 1 : w - 1;
                int c = in[y * w + x];
                int n1 = in[up * w + x];
                int n2 = in[down * w + x];
                int n3 = in[y * w + left];
                int n4 = in[y * w + right];
                int r = 5 * ((c >> 16) & 255) - ((n1 >> 16) & 255) - ((n2 >> 16) & 255) - ((n3 >> 16) & 255) - ((n4 >> 16) & 255);
                int g = 5 * ((c >> 8) & 255) - ((n1 >> 8) & 255) - ((n2 >> 8) & 255) - ((n3 >> 8) & 255) - ((n4 >> 8) & 255);
                int b = 5 * (c & 255) - (n1 & 255) - (n2 & 255) - (n3 & 255) - (n4 & 255);
                out[y * w + x] = Image.argb(c >>> 24, Image.clamp(r), Image.clamp(g), Image.clamp(b));
            }
        }
        return new Image(w, h, out);
    }

    /** Contrast stretch around mid-grey by percent/100 via a 256-entry lookup table. */
    static Image contrast(Image src, int percent) {
        int[] lut = new int[256];
        for (int v = 0; v < 256; v++) {
            lut[v] = Image.clamp(128 + (v - 128) * percent / 100);
        }
        int[] in = src.pixels;
        int[] out = new int[in.length];
        for (int i = 0; i < in.length; i++) {
            int c = in[i];
            out[i] = (c & 0xff000000) | (lut[(c >> 16) & 255] << 16) | (lut[(c >> 8) & 255] << 8) | lut[c & 255];
        }
        return new Image(src.width, src.height, out);
    }

    /** Luma (ITU-R 601 weights, fixed point) into all three channels. */
    static Image grayscale(Image src) {
        int[] in = src.pixels;
        int[] out = new int[in.length];
        for (int i = 0; i < in.length; i++) {
            int c = in[i];
            int y = (77 * ((c >> 16) & 255) + 150 * ((c >> 8) & 255) + 29 * (c & 255)) >> 8;
            out[i] = (c & 0xff000000) | (y << 16) | (y << 8) | y;
        }
        return new Image(src.width, src.height, out);
    }

    /** Sobel edge magnitude on the blue channel of a grey image: sqrt(gx^2 + gy^2), clamped. */
    static Image edges(Image gray) {
        int w = gray.width;
        int h = gray.height;
        int[] in = gray.pixels;
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int gx = 0;
                int gy = 0;
                if (x > 0 && y > 0 && x < w - 1 && y < h - 1) {
                    int a = in[(y - 1) * w + x - 1] & 255;
                    int b = in[(y - 1) * w + x] & 255;
                    int c = in[(y - 1) * w + x + 1] & 255;
                    int d = in[y * w + x - 1] & 255;
                    int f = in[y * w + x + 1] & 255;
                    int g = in[(y + 1) * w + x - 1] & 255;
                    int hh = in[(y + 1) * w + x] & 255;
                    int i = in[(y + 1) * w + x + 1] & 255;
                    gx = (c + 2 * f + i) - (a + 2 * d + g);
                    gy = (g + 2 * hh + i) - (a + 2 * b + c);
                }
                int m = Image.clamp((int) Math.sqrt(gx * gx + gy * gy));
                out[y * w + x] = 0xff000000 | (m << 16) | (m << 8) | m;
            }
        }
        return new Image(w, h, out);
    }
}
