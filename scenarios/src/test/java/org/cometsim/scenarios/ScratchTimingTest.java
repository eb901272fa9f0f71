package org.cometsim.scenarios;

import java.util.List;
import org.cometsim.workloads.*;
import org.junit.jupiter.api.Test;

class ScratchTimingTest {
    @Test
    void time() {
        WorkloadFixtures f = new WorkloadFixtures();
        String[] ws = System.getProperty("ws", "").split(",");
        Size size = Size.valueOf(System.getProperty("size", "SMALL"));
        String[] links = System.getProperty("links", "comet-wifi").split(",");
        String[] pols = System.getProperty("pols", "always,comet,pingpong:1,pingpong:7").split(",");
        for (Workload w : WorkloadCatalog.all()) {
            if (!ws[0].isEmpty() && !List.of(ws).contains(w.name())) continue;
            long t0 = System.nanoTime();
            String host = f.hostOutput(w, size);
            long t1 = System.nanoTime();
            OffloadRun.Side local = f.baseline(w, size);
            long t2 = System.nanoTime();
            System.out.printf("%s %s host %.2fs local %.2fs sim %.3fs instr %d same=%b%n", w.name(), size, (t1-t0)/1e9, (t2-t1)/1e9, local.timeNanos()/1e9, local.instructions(), w.comparableOutput(host).equals(w.comparableOutput(local.stdout())));
            for (String l : links) for (String p : pols) {
                long a = System.nanoTime();
                String res;
                try {
                OffloadRun.Result r = f.run(w, size, l, p);
                res = String.format("mig %d/%d server %.1f%% same=%b pinned=%s forced=%s simt %.3f", r.phone().migrationsOut(), r.server().migrationsOut(), 100.0*r.serverInstructions()/r.offload().instructions(), w.comparableOutput(r.offload().stdout()).equals(w.comparableOutput(local.stdout())), r.phone().pinnedByHostState(), r.server().forcedReturns().keySet(), r.offload().timeNanos()/1e9);
                if (!r.offload().stdout().equals(local.stdout())) res += "\nOUT:\n" + r.offload().stdout() + "ERR:\n" + r.offload().stderr() + "status " + r.offload().status() + (System.getProperty("trace") != null ? String.join("\n", r.trace()) : "");
                } catch (RuntimeException e) { res = "FAIL " + e; if (System.getProperty("st") != null) e.printStackTrace(System.out); }
                System.out.printf("   %-10s %-11s %.2fs %s%n", l, p, (System.nanoTime()-a)/1e9, res);
            }
        }
    }
}
