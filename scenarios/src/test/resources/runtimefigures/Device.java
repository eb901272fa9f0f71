package runtimefigures;

/** Prints what java.lang.Runtime reports: under comet exec --cpu, the simulated device's figures. */
public class Device {
    public static void main(String[] args) {
        Runtime r = Runtime.getRuntime();
        System.out.println(r.availableProcessors() + " " + r.maxMemory() + " " + r.totalMemory());
    }
}
