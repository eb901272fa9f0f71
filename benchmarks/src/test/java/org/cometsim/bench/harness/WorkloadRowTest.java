package org.cometsim.bench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cometsim.workloads.WorkloadCatalog;
import org.junit.jupiter.api.Test;

/** Rows and the summary over them, with the geometric means derived by hand. */
class WorkloadRowTest {

    @Test
    void firstDifferenceNamesTheLine() {
        assertEquals("line 2: JVM 'b' vs interpreter 'c'", WorkloadRow.firstDifference("a\nb\n", "a\nc\n"));
        assertEquals("line 2: JVM '<end>' vs interpreter 'b'", WorkloadRow.firstDifference("a", "a\nb"));
    }

    private static SideResult side(String output, long coldNs, long... samplesNs) {
        SideResult s = new SideResult();
        s.output = output;
        s.coldNs = coldNs;
        s.samplesNs = samplesNs;
        return s;
    }

    private static WorkloadRow row(SideResult jvm, SideResult interp) {
        WorkloadRow r = new WorkloadRow(WorkloadCatalog.get("nqueens"));
        r.jvm = jvm;
        r.interp = interp;
        r.outputMatch = jvm.output.equals(interp.output);
        return r;
    }

    @Test
    void summaryCountsOnlyRowsThatRanWithTheSameOutput() {
        // warm: medians 10 vs 40 (4x) and 10 vs 160 (16x): geomean sqrt(4 * 16) = 8.
        // cold: 100 vs 200 (2x) and 100 vs 800 (8x): geomean sqrt(2 * 8) = 4.
        WorkloadRow four = row(side("x", 100, 9, 10, 11), side("x", 200, 40, 50, 30));
        WorkloadRow sixteen = row(side("x", 100, 10, 10), side("x", 800, 150, 170));
        WorkloadRow mismatch = row(side("x", 1, 1), side("y", 1, 1000));
        WorkloadRow failed = new WorkloadRow(WorkloadCatalog.get("linpack"));
        failed.error = "interpreter: timed out after 1 s";
        BenchSummary s = BenchSummary.of(List.of(four, sixteen, mismatch, failed));
        assertEquals(4.0, four.slowdown(), 0.0);
        assertEquals(16.0, sixteen.slowdown(), 0.0, "even sample count: median (150 + 170) / 2 = 160");
        assertEquals(new BenchSummary(4, 2, 1, 1, s.geomean(), s.coldGeomean()), s);
        assertEquals(8.0, s.geomean(), 1e-12);
        assertEquals(4.0, s.coldGeomean(), 1e-12);
        assertTrue(s.met(), "8x <= 40x");
        assertFalse(mismatch.counted());
        assertEquals("line 1: JVM 'x' vs interpreter 'y'", mismatch.firstOutputDifference());
    }
}
