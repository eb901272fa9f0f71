package org.cometsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ValidationTableTest {

    private static ValidationTable.Row row(String name, long simNanos, long measuredNanos, long simUp, long measuredUp) {
        return new ValidationTable.Row(name, "mandelbrot", "comet-wifi", "always",
                new ValidationTable.Side(simNanos, simUp, 300, 1, 2, "aa"),
                new ValidationTable.Side(measuredNanos, measuredUp, 300, 1, 2, "aa"), 29_000, 1_000);
    }

    @Test
    void relativeErrorIsThePredictionsErrorOverTheMeasurement() {
        // Simulated 1.1 s against a measured 1.0 s: the simulator predicts 10 % too long.
        assertEquals(0.1, row("a", 1_100_000_000L, 1_000_000_000L, 1, 1).relativeError(), 1e-12);
        assertEquals(-0.5, row("b", 500_000_000L, 1_000_000_000L, 1, 1).relativeError(), 1e-12);
    }

    @Test
    void medianOfAbsoluteErrors() {
        List<ValidationTable.Row> rows = List.of(row("a", 110, 100, 1, 1), row("b", 70, 100, 1, 1),
                row("c", 102, 100, 1, 1), row("d", 100, 100, 1, 1));
        // |errors| 0.10, 0.30, 0.02, 0: median of four = (0.02 + 0.10) / 2.
        assertEquals(0.06, ValidationTable.medianAbsoluteError(rows), 1e-12);
        assertTrue(Double.isNaN(ValidationTable.medianAbsoluteError(List.of())));
    }

    @Test
    void csvHasOneLinePerRowAndQuotesCommas() {
        String csv = ValidationTable.csv(List.of(row("x,y", 2_000_000_000L, 1_000_000_000L, 10, 12)));
        String[] lines = csv.split("\n");
        assertEquals(2, lines.length);
        assertEquals(ValidationTable.HEADER, lines[0]);
        assertTrue(lines[1].startsWith("\"x,y\",mandelbrot,comet-wifi,always,2.000000,1.000000,1.0000,10,12,300,300,false,"),
                lines[1]);
        assertFalse(row("z", 1, 1, 10, 12).bytesEqual());
        assertTrue(row("z", 1, 1, 10, 10).bytesEqual());
    }
}
