/** Chess perft and alpha-beta over io.github.purgz:java-chess-engine; entry {@link org.cometsim.workloads.apps.chess.ChessDriver}. */
package org.cometsim.workloads.apps.chess;
