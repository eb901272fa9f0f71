/**
 * Model classes: the {@code java.*} classes the VM implements itself so that their instances are
 * guest objects (fields the DSM can track) and their behaviour is the VM's. One file per model
 * class with its natives: {@code Object}, {@code Class}, {@code Throwable} (with every mirrored
 * host exception class), {@code Thread}, {@code Enum}, and {@code java.lang.reflect}'s
 * {@code AccessibleObject}, {@code Executable}, {@code Method}, {@code Constructor},
 * {@code Field}, {@code RecordComponent}, with {@code sun.misc.Unsafe};
 * {@link org.cometsim.dalvik.model.ModelClasses} registers them. The top of the class library:
 * it stands on reflection and the host bridge, and joins both for the linker
 * ({@link org.cometsim.dalvik.model.LibraryClasses}).
 */
package org.cometsim.dalvik.model;
