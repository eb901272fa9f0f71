/** Trip planner: Dijkstra and A* on a generated city grid; entry {@link org.cometsim.workloads.apps.tripplanner.TripPlanner}. */
package org.cometsim.workloads.apps.tripplanner;
