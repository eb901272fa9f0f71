/** N-Queens counting; entry {@link org.cometsim.workloads.apps.nqueens.NQueens}. */
package org.cometsim.workloads.apps.nqueens;
