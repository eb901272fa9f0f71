package org.cometsim.workloads.apps.connectfour;

import org.cometsim.workloads.apps.AppArgs;
import org.cometsim.workloads.apps.Checksum;

/**
 * Connect-Four self-play (COMET category: turn-based games): two alpha-beta (negamax) players with a
 * window-counting evaluation play a full game; the first searches to depth D, the second to D-1.
 * Prints the move sequence, the result, the nodes searched and a checksum.
 *
 * <p>Usage: {@code ConnectFour small|medium|paper}: D = 5, 7, 9. Single-threaded; fully deterministic.
 */
public final class ConnectFour {
    static final int COLS = 7;
    static final int ROWS = 6;
    static final int WIN = 1_000_000;
    private static final int[] ORDER = {3, 2, 4, 1, 5, 0, 6};
    /** All 69 lines of four cells (cell = row * COLS + col). */
    private static final int[][] WINDOWS = windows();

    private final int[] cells = new int[COLS * ROWS]; // 0 empty, 1 or 2
    private final int[] heights = new int[COLS];
    long nodes;

    private ConnectFour() {
    }

    public static void main(String[] args) {
        int size = AppArgs.size(args);
        int depth = AppArgs.pick(size, 5, 7, 9);
        ConnectFour game = new ConnectFour();
        Checksum sum = new Checksum();
        StringBuilder moves = new StringBuilder();
        int player = 1;
        int winner = 0;
        int plies = 0;
        while (plies < COLS * ROWS) {
            int d = player == 1 ? depth : depth - 1;
            int col = game.bestMove(player, d);
            game.play(col, player);
            plies++;
            moves.append(col + 1);
            sum.add(col).add(game.nodes);
            if (game.wins(player)) {
                winner = player;
                break;
            }
            player = 3 - player;
        }
        System.out.println("connectfour size=" + AppArgs.sizeName(size) + " depth=" + depth + "/" + (depth - 1));
        System.out.println("moves=" + moves + " plies=" + plies + " result="
                + (winner == 0 ? "draw" : "player " + winner + " wins"));
        System.out.println("nodes=" + game.nodes);
        System.out.println("checksum=" + sum.hex());
    }

    int bestMove(int player, int depth) {
        int best = -1;
        int bestScore = -WIN * 2;
        int alpha = -WIN * 2;
        for (int i = 0; i < COLS; i++) {
            int col = ORDER[i];
            if (heights[col] == ROWS) {
                continue;
            }
            play(col, player);
            int score = wins(player) ? WIN + depth : -negamax(3 - player, depth - 1, -WIN * 2, -alpha);
            undo(col);
            if (score > bestScore) {
                bestScore = score;
                best = col;
            }
            if (score > alpha) {
                alpha = score;
            }
        }
        return best;
    }

    private int negamax(int player, int depth, int alpha, int beta) {
        nodes++;
        if (depth == 0) {
            return evaluate(player);
        }
        boolean any = false;
        for (int i = 0; i < COLS; i++) {
            int col = ORDER[i];
            if (heights[col] == ROWS) {
                continue;
            }
            any = true;
            play(col, player);
            int score = wins(player) ? WIN + depth : -negamax(3 - player, depth - 1, -beta, -alpha);
            undo(col);
            if (score >= beta) {
                return score;
            }
            if (score > alpha) {
                alpha = score;
            }
        }
        return any ? alpha : 0;
    }

    void play(int col, int player) {
        cells[heights[col] * COLS + col] = player;
        heights[col]++;
    }

    void undo(int col) {
        heights[col]--;
        cells[heights[col] * COLS + col] = 0;
    }

    boolean wins(int player) {
        for (int[] w : WINDOWS) {
            if (cells[w[0]] == player && cells[w[1]] == player && cells[w[2]] == player && cells[w[3]] == player) {
                return true;
            }
        }
        return false;
    }

    /** Heuristic from the point of view of player. */
    int evaluate(int player) {
        int opp = 3 - player;
        int score = 0;
        for (int r = 0; r < ROWS; r++) {
            int c = cells[r * COLS + 3];
            score += c == player ? 3 : c == opp ? -3 : 0;
        }
        for (int[] w : WINDOWS) {
            int mine = 0;
            int theirs = 0;
            for (int k = 0; k < 4; k++) {
                int c = cells[w[k]];
                if (c == player) {
                    mine++;
                } else if (c == opp) {
                    theirs++;
                }
            }
            if (theirs == 0) {
                score += mine == 3 ? 5 : mine == 2 ? 2 : 0;
            } else if (mine == 0) {
                score -= theirs == 3 ? 4 : theirs == 2 ? 1 : 0;
            }
        }
        return score;
    }

    private static int[][] windows() {
        int[][] w = new int[69][];
        int n = 0;
        int[][] dirs = {{0, 1}, {1, 0}, {1, 1}, {1, -1}};
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < COLS; c++) {
                for (int[] d : dirs) {
                    int er = r + 3 * d[0];
                    int ec = c + 3 * d[1];
                    if (er < 0 || er >= ROWS || ec < 0 || ec >= COLS) {
                        continue;
                    }
                    int[] cellsOfWindow = new int[4];
                    for (int k = 0; k < 4; k++) {
                        cellsOfWindow[k] = (r + k * d[0]) * COLS + c + k * d[1];
                    }
                    w[n++] = cellsOfWindow;
                }
            }
        }
        return w;
    }
}
