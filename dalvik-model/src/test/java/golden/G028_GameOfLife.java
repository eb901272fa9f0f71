package golden;

/** Conway's Game of Life on a torus with boolean[][] and a byte-packed variant; prints generations. */
public class G028_GameOfLife {
    static boolean[][] step(boolean[][] g) {
        int h = g.length, w = g[0].length;
        boolean[][] n = new boolean[h][w];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) {
                int c = 0;
                for (int dy = -1; dy <= 1; dy++) for (int dx = -1; dx <= 1; dx++) if ((dy | dx) != 0 && g[(y + dy + h) % h][(x + dx + w) % w]) c++;
                n[y][x] = c == 3 || (c == 2 && g[y][x]);
            }
        return n;
    }
    static String show(boolean[][] g) {
        StringBuilder sb = new StringBuilder();
        for (boolean[] row : g) { for (boolean b : row) sb.append(b ? '#' : '.'); sb.append('\n'); }
        return sb.toString();
    }
    static int population(boolean[][] g) { int p = 0; for (boolean[] r : g) for (boolean b : r) if (b) p++; return p; }

    public static void main(String[] args) {
        boolean[][] g = new boolean[10][12];
        int[][] glider = { { 0, 1 }, { 1, 2 }, { 2, 0 }, { 2, 1 }, { 2, 2 } };
        for (int[] c : glider) g[c[0]][c[1]] = true;
        g[6][7] = g[6][8] = g[6][9] = true;                          // blinker
        g[7][1] = g[7][2] = g[8][1] = g[8][2] = true;                // block
        for (int gen = 0; gen <= 4; gen++) {
            System.out.print("gen " + gen + " pop " + population(g) + "\n" + show(g));
            g = step(g);
        }
        for (int gen = 5; gen < 40; gen++) g = step(g);
        System.out.print("gen 40 pop " + population(g) + "\n" + show(g));
        byte[] row = new byte[64];
        row[32] = 1;
        StringBuilder sb = new StringBuilder();
        for (int gen = 0; gen < 16; gen++) {
            for (byte b : row) sb.append(b == 1 ? '*' : ' ');
            sb.append('\n');
            byte[] nr = new byte[64];
            for (int i = 0; i < 64; i++) {
                int pat = (row[(i + 63) % 64] << 2) | (row[i] << 1) | row[(i + 1) % 64];
                nr[i] = (byte) ((90 >> pat) & 1);                   // rule 90
            }
            row = nr;
        }
        System.out.print(sb);
    }
}
