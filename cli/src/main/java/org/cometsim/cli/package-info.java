/** The comet command-line tool. */
package org.cometsim.cli;
