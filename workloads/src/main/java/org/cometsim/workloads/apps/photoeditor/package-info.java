/** Photo-editor filter pipeline on int[] ARGB images; entry {@link org.cometsim.workloads.apps.photoeditor.PhotoEditor}. */
package org.cometsim.workloads.apps.photoeditor;
