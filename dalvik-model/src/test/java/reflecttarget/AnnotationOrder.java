package reflecttarget;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Annotation;

/**
 * Guest code for {@code GuestReflectionFieldOrderTest}: elements with several annotations whose
 * source order is not the type-name order dex sorts them in.
 */
public class AnnotationOrder {
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Zeta {
    }

    @Retention(RetentionPolicy.RUNTIME)
    public @interface Alpha {
        int value() default 1;
    }

    @Retention(RetentionPolicy.RUNTIME)
    public @interface Mid {
    }

    @Mid
    @Zeta
    @Alpha(7)
    public static class Sample {
        @Zeta
        @Alpha
        int field;

        @Alpha(3)
        @Mid
        @Zeta
        public void method() {
        }

        @Zeta
        public void single() {
        }
    }

    private static String names(Annotation[] as) {
        StringBuilder sb = new StringBuilder("[");
        for (Annotation a : as) {
            sb.append(sb.length() == 1 ? "" : " ").append(a.annotationType().getSimpleName());
            if (a instanceof Alpha) {
                sb.append('=').append(((Alpha) a).value());
            }
        }
        return sb.append(']').toString();
    }

    public static String names() throws ReflectiveOperationException {
        return names(Sample.class.getAnnotations()) + " " + names(Sample.class.getDeclaredField("field").getAnnotations())
                + " " + names(Sample.class.getMethod("method").getDeclaredAnnotations())
                + " " + names(Sample.class.getMethod("single").getAnnotations());
    }
}
