package org.cometsim.workloads.apps.nqueens;

import org.cometsim.workloads.apps.AppArgs;
import org.cometsim.workloads.apps.Checksum;

/**
 * N-Queens counting (COMET category: math tools / puzzles): counts all placements of n non-attacking
 * queens by recursive backtracking over bit masks, per first-row column.
 *
 * <p>Usage: {@code NQueens small|medium|paper}: n = 8, 12, 14. Single-threaded; output fully deterministic.
 */
public final class NQueens {
    private NQueens() {
    }

    public static void main(String[] args) {
        int size = AppArgs.size(args);
        int n = AppArgs.pick(size, 8, 12, 14);
        int all = (1 << n) - 1;
        Checksum sum = new Checksum();
        long total = 0;
        StringBuilder perColumn = new StringBuilder();
        for (int col = 0; col < n; col++) {
            int bit = 1 << col;
            long c = solve(all, bit, bit << 1, bit >> 1);
            total += c;
            sum.add(c);
            perColumn.append(col == 0 ? "" : ",").append(c);
        }
        System.out.println("nqueens size=" + AppArgs.sizeName(size) + " n=" + n + " solutions=" + total);
        System.out.println("per first-row column: " + perColumn);
        System.out.println("checksum=" + sum.hex());
    }

    /** Number of completions given occupied columns and the two diagonal attack masks for the next row. */
    static long solve(int all, int cols, int left, int right) {
        if (cols == all) {
            return 1;
        }
        long count = 0;
        int free = all & ~(cols | left | right);
        while (free != 0) {
            int bit = free & -free;
            free -= bit;
            count += solve(all, cols | bit, ((left | bit) << 1) & all, (right | bit) >> 1);
        }
        return count;
    }
}
