/** Mandelbrot fractal; entry {@link org.cometsim.workloads.apps.mandelbrot.Mandelbrot}. */
package org.cometsim.workloads.apps.mandelbrot;
