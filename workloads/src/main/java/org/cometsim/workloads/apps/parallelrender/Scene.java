package org.cometsim.workloads.apps.parallelrender;

import org.cometsim.workloads.apps.Lcg;

/**
 * A small ray-traced scene: seeded spheres over a checkered ground plane, one point light with hard
 * shadows, Lambert + Phong shading and up to two mirror bounces. Immutable after construction, so all
 * render workers share it without locking.
 */
final class Scene {
    private final double[] sx;
    private final double[] sy;
    private final double[] sz;
    private final double[] sr;
    private final double[] red;
    private final double[] green;
    private final double[] blue;
    private final double[] mirror;
    private final int n;
    private static final double LX = -4;
    private static final double LY = 8;
    private static final double LZ = -3;

    Scene(int spheres, long seed) {
        Lcg rnd = new Lcg(seed);
        n = spheres;
        sx = new double[n];
        sy = new double[n];
        sz = new double[n];
        sr = new double[n];
        red = new double[n];
        green = new double[n];
        blue = new double[n];
        mirror = new double[n];
        for (int i = 0; i < n; i++) {
            sr[i] = 0.3 + rnd.nextDouble() * 0.7;
            sx[i] = -3 + rnd.nextDouble() * 6;
            sz[i] = 2 + rnd.nextDouble() * 6;
            sy[i] = sr[i];
            red[i] = 0.2 + 0.8 * rnd.nextDouble();
            green[i] = 0.2 + 0.8 * rnd.nextDouble();
            blue[i] = 0.2 + 0.8 * rnd.nextDouble();
            mirror[i] = rnd.nextInt(3) == 0 ? 0.5 : 0.0;
        }
    }

    /** Renders rows [y0, y1) of a w x h image into out (ARGB, row-major, full image). */
    void renderRows(int y0, int y1, int w, int h, int[] out) {
        double[] rgb = new double[3];
        for (int y = y0; y < y1; y++) {
            for (int x = 0; x < w; x++) {
                double dx = (x - w / 2.0) / h;
                double dy = -(y - h / 2.0) / h;
                double dz = 1.0;
                double len = Math.sqrt(dx * dx + dy * dy + dz * dz);
                trace(0, 1.5, -4, dx / len, dy / len, dz / len, 2, rgb);
                int r = toByte(rgb[0]);
                int g = toByte(rgb[1]);
                int b = toByte(rgb[2]);
                out[y * w + x] = 0xff000000 | (r << 16) | (g << 8) | b;
            }
        }
    }

    private static int toByte(double v) {
        int i = (int) (v * 255.0 + 0.5);
        return i < 0 ? 0 : i > 255 ? 255 : i;
    }

    /** Distance along the ray to the nearest hit; hit index in idx[0] (-1 plane, -2 nothing). */
    private double intersect(double ox, double oy, double oz, double dx, double dy, double dz, int[] idx) {
        double best = 1e30;
        idx[0] = -2;
        for (int i = 0; i < n; i++) {
            double px = ox - sx[i];
            double py = oy - sy[i];
            double pz = oz - sz[i];
            double b = px * dx + py * dy + pz * dz;
            double c = px * px + py * py + pz * pz - sr[i] * sr[i];
            double disc = b * b - c;
            if (disc > 0) {
                double t = -b - Math.sqrt(disc);
                if (t > 1e-6 && t < best) {
                    best = t;
                    idx[0] = i;
                }
            }
        }
        if (dy < -1e-9) {
            double t = -oy / dy;
            if (t > 1e-6 && t < best) {
                best = t;
                idx[0] = -1;
            }
        }
        return best;
    }

    private void trace(double ox, double oy, double oz, double dx, double dy, double dz, int depth, double[] rgb) {
        int[] idx = new int[1];
        double t = intersect(ox, oy, oz, dx, dy, dz, idx);
        int hit = idx[0];
        if (hit == -2) {
            double sky = 0.5 + 0.5 * dy;
            rgb[0] = 0.3 * sky;
            rgb[1] = 0.5 * sky;
            rgb[2] = 0.9 * sky;
            return;
        }
        double hx = ox + t * dx;
        double hy = oy + t * dy;
        double hz = oz + t * dz;
        double nx;
        double ny;
        double nz;
        double cr;
        double cg;
        double cb;
        double refl;
        if (hit == -1) {
            nx = 0;
            ny = 1;
            nz = 0;
            boolean dark = (((int) Math.floor(hx) + (int) Math.floor(hz)) & 1) != 0;
            cr = dark ? 0.25 : 0.9;
            cg = cr;
            cb = cr;
            refl = 0.15;
        } else {
            nx = (hx - sx[hit]) / sr[hit];
            ny = (hy - sy[hit]) / sr[hit];
            nz = (hz - sz[hit]) / sr[hit];
            cr = red[hit];
            cg = green[hit];
            cb = blue[hit];
            refl = mirror[hit];
        }
        double lx = LX - hx;
        double ly = LY - hy;
        double lz = LZ - hz;
        double ldist = Math.sqrt(lx * lx + ly * ly + lz * lz);
        lx /= ldist;
        ly /= ldist;
        lz /= ldist;
        double diffuse = nx * lx + ny * ly + nz * lz;
        double specular = 0;
        if (diffuse > 0) {
            int[] shadowIdx = new int[1];
            double st = intersect(hx, hy, hz, lx, ly, lz, shadowIdx);
            if (shadowIdx[0] != -2 && st < ldist) {
                diffuse = 0;
            } else {
                double rdot = dx * lx + dy * ly + dz * lz - 2 * diffuse * (dx * nx + dy * ny + dz * nz);
                if (rdot > 0) {
                    double s2 = rdot * rdot;
                    double s4 = s2 * s2;
                    double s8 = s4 * s4;
                    specular = s8 * s8 * 0.6;
                }
            }
        } else {
            diffuse = 0;
        }
        double light = 0.12 + 0.88 * diffuse;
        rgb[0] = cr * light + specular;
        rgb[1] = cg * light + specular;
        rgb[2] = cb * light + specular;
        if (refl > 0 && depth > 0) {
            double dn = dx * nx + dy * ny + dz * nz;
            double[] sub = new double[3];
            trace(hx, hy, hz, dx - 2 * dn * nx, dy - 2 * dn * ny, dz - 2 * dn * nz, depth - 1, sub);
            rgb[0] = rgb[0] * (1 - refl) + sub[0] * refl;
            rgb[1] = rgb[1] * (1 - refl) + sub[1] * refl;
            rgb[2] = rgb[2] * (1 - refl) + sub[2] * refl;
        }
    }
}
