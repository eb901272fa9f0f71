/**
 * Reflection over guest and library classes, for the reflection model classes (package
 * {@code model}) to answer from: members and their mirrors, the JDK's access checks and argument
 * conversions, class metadata from dex and (where the guest class path has it) the class file
 * ({@link org.cometsim.dalvik.reflect.GuestReflection}), generic signatures as guest
 * {@code Type} values ({@link org.cometsim.dalvik.reflect.GuestTypes}) and annotation instances
 * ({@link org.cometsim.dalvik.reflect.GuestAnnotations}). Above the host bridge (library members
 * are the JDK's), below the model classes.
 */
package org.cometsim.dalvik.reflect;
