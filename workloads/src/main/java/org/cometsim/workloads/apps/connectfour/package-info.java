/** Connect-Four alpha-beta self-play; entry {@link org.cometsim.workloads.apps.connectfour.ConnectFour}. */
package org.cometsim.workloads.apps.connectfour;
