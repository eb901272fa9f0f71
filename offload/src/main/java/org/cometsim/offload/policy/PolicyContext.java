package org.cometsim.offload.policy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a run gives a policy when it is constructed ({@link Policies#byName(String, PolicyContext)}):
 * the class loader user policies ({@code class:NAME}) come from, and typed attachments: objects
 * the run assembles for the policies, keyed by their type. A profile is one (a profile-based
 * policy reads {@code context.get(Profile.class)}, where {@code Profile} is the profile module's
 * type, and profiles first if it is absent); a live recorder of "the profile so far" is another,
 * fed through {@link OffloadPolicy#methodObserver}.
 *
 * <p>Immutable: {@link #with} returns a new context. Per run, never global: two runs in one JVM
 * (a multi-policy comparison) each have their own.
 */
public final class PolicyContext {
    /** No attachments; user policies from the class loader that loaded this class. */
    public static final PolicyContext EMPTY = new PolicyContext(PolicyContext.class.getClassLoader(), Map.of());

    private final ClassLoader userClasses;
    private final Map<Class<?>, Object> attachments;

    private PolicyContext(ClassLoader userClasses, Map<Class<?>, Object> attachments) {
        this.userClasses = userClasses;
        this.attachments = attachments;
    }

    /** This context with {@code value} attached under {@code type} (replacing any earlier one). */
    public <T> PolicyContext with(Class<T> type, T value) {
        Map<Class<?>, Object> m = new LinkedHashMap<>(attachments);
        m.put(type, type.cast(value));
        return new PolicyContext(userClasses, java.util.Collections.unmodifiableMap(m));
    }

    /** This context with user policies loaded from {@code loader} ({@code --policy-cp}). */
    public PolicyContext withUserClasses(ClassLoader loader) {
        return new PolicyContext(loader, attachments);
    }

    /** The attachment of type {@code type}, or null. */
    public <T> T get(Class<T> type) {
        return type.cast(attachments.get(type));
    }

    /** Where {@code class:NAME} policies are loaded from. */
    public ClassLoader userClasses() {
        return userClasses;
    }
}
