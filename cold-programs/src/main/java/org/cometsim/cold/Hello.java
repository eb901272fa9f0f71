package org.cometsim.cold;

/** Hello world: the start-up cost alone, JVM and tool, with no library and no work. */
public final class Hello {
    private Hello() {
    }

    public static void main(String[] args) {
        System.out.println("Hello, world!");
    }
}
