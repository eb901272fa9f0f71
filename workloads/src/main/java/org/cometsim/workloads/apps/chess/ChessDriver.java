package org.cometsim.workloads.apps.chess;

import engine.Board;
import engine.Move;
import engine.Util;
import org.cometsim.workloads.apps.AppArgs;
import org.cometsim.workloads.apps.Checksum;

import java.util.List;

/**
 * Chess (COMET category: turn-based games) on the third-party move generator
 * {@code io.github.purgz:java-chess-engine:1} (package {@code engine}, class path entry chess-engine):
 * perft node counts from the start position, then our own alpha-beta (negamax) search with a material
 * evaluation from three positions. The engine supplies legal moves ({@code Board.boardLegalMoves}),
 * {@code doMove}/{@code undoMove} (which flip the side to move) and the board as a char[64]
 * (index 0 = a8; upper case = white). The engine's move generation is not exact: from the start position
 * it gives perft 20, 400, 9738, 235956 where the true counts are 20, 400, 8902, 197281 (and it never
 * generates promotions). We report what it produces; the counts are deterministic, which is all a
 * workload needs.
 *
 * <p>Usage: {@code ChessDriver small|medium|paper}: perft 2 / search depth 2; perft 3 / depth 3;
 * perft 3 / depth 4 (perft 4 alone takes ~4 s on the JIT). Single-threaded; fully deterministic.
 */
public final class ChessDriver {
    private static final int MATE = 100_000;
    private static final String[] FENS = {
        Board.startingFen,
        "r1bqkbnr/pppp1ppp/2n5/4p3/4P3/5N2/PPPP1PPP/RNBQKB1R w KQkq - 2 3",
        "r3k2r/pp3ppp/2n1bn2/2bpp3/4P3/2NP1N2/PPP1BPPP/R1B1K2R w KQkq - 0 9",
    };

    private long searched;

    private ChessDriver() {
    }

    public static void main(String[] args) {
        int size = AppArgs.size(args);
        int perftDepth = AppArgs.pick(size, 2, 3, 3);
        int searchDepth = AppArgs.pick(size, 2, 3, 4);
        Checksum sum = new Checksum();
        System.out.println("chess size=" + AppArgs.sizeName(size) + " perftDepth=" + perftDepth
                + " searchDepth=" + searchDepth);
        Board start = new Board();
        StringBuilder perftLine = new StringBuilder("perft:");
        for (int d = 1; d <= perftDepth; d++) {
            long n = perft(start, d);
            sum.add(n);
            perftLine.append(' ').append(n);
        }
        System.out.println(perftLine.toString());
        ChessDriver search = new ChessDriver();
        for (int i = 0; i < FENS.length; i++) {
            Board b = new Board(FENS[i]);
            int[] best = new int[2];
            int score = search.root(b, searchDepth, best);
            sum.add(score).add(best[0]).add(best[1]);
            System.out.println("position " + i + ": best " + Util.convertBoardIndexToSquare(best[0])
                    + Util.convertBoardIndexToSquare(best[1]) + " score=" + score);
        }
        sum.add(search.searched);
        System.out.println("searched nodes=" + search.searched);
        System.out.println("checksum=" + sum.hex());
    }

    static long perft(Board b, int depth) {
        List<Move> moves = b.boardLegalMoves();
        if (depth == 1) {
            return moves.size();
        }
        long n = 0;
        for (int i = 0; i < moves.size(); i++) {
            Move m = moves.get(i);
            b.doMove(m);
            n += perft(b, depth - 1);
            b.undoMove(m);
        }
        return n;
    }

    int root(Board b, int depth, int[] bestOut) {
        List<Move> moves = ordered(b.boardLegalMoves());
        int alpha = -MATE - 1;
        for (int i = 0; i < moves.size(); i++) {
            Move m = moves.get(i);
            b.doMove(m);
            int score = -negamax(b, depth - 1, -MATE - 1, -alpha);
            b.undoMove(m);
            if (score > alpha) {
                alpha = score;
                bestOut[0] = m.getStartSquare();
                bestOut[1] = m.getEndSquare();
            }
        }
        return alpha;
    }

    private int negamax(Board b, int depth, int alpha, int beta) {
        searched++;
        if (depth == 0) {
            return evaluate(b);
        }
        List<Move> moves = ordered(b.boardLegalMoves());
        if (moves.isEmpty()) {
            return b.isCurrentPlayerInCheck() ? -MATE + 100 - depth : 0;
        }
        for (int i = 0; i < moves.size(); i++) {
            Move m = moves.get(i);
            b.doMove(m);
            int score = -negamax(b, depth - 1, -beta, -alpha);
            b.undoMove(m);
            if (score >= beta) {
                return score;
            }
            if (score > alpha) {
                alpha = score;
            }
        }
        return alpha;
    }

    /** Captures first, most valuable victim first (stable insertion sort; the list is the engine's). */
    private static List<Move> ordered(List<Move> moves) {
        int n = moves.size();
        for (int i = 1; i < n; i++) {
            Move m = moves.get(i);
            int v = value(m.getCapturedPiece());
            int j = i - 1;
            while (j >= 0 && value(moves.get(j).getCapturedPiece()) < v) {
                moves.set(j + 1, moves.get(j));
                j--;
            }
            moves.set(j + 1, m);
        }
        return moves;
    }

    /** Material balance from the side to move's point of view. */
    static int evaluate(Board b) {
        char[] sq = b.getSquares();
        int score = 0;
        for (int i = 0; i < 64; i++) {
            char c = sq[i];
            if (c >= 'A' && c <= 'Z') {
                score += value(c);
            } else if (c >= 'a' && c <= 'z') {
                score -= value(c);
            }
        }
        return b.getSideToMove() == 'w' ? score : -score;
    }

    static int value(char piece) {
        switch (piece) {
            case 'P': case 'p': return 100;
            case 'N': case 'n': return 320;
            case 'B': case 'b': return 330;
            case 'R': case 'r': return 500;
            case 'Q': case 'q': return 900;
            default: return 0;
        }
    }
}
