package org.cometsim.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import umontreal.ssj.rng.RandomStream;

class RandomStreamsTest {

    private static double[] draw(RandomStream s, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = s.nextDouble();
        }
        return out;
    }

    @Test
    void streamDependsOnSeedAndNameNotCreationOrder() {
        RandomStreams a = new RandomStreams(99);
        double[] aJitter = draw(a.stream("link/up/jitter"), 5);
        double[] aLoss = draw(a.stream("link/up/loss"), 5);

        RandomStreams b = new RandomStreams(99);
        draw(new RandomStreams(12345).stream("noise"), 3); // a busy neighbour changes nothing
        double[] bLoss = draw(b.stream("link/up/loss"), 5);
        double[] bJitter = draw(b.stream("link/up/jitter"), 5);

        assertArrayEquals(aJitter, bJitter);
        assertArrayEquals(aLoss, bLoss);
        assertNotEquals(aJitter[0], aLoss[0]);
        assertNotEquals(draw(new RandomStreams(100).stream("link/up/loss"), 1)[0], aLoss[0]);
    }

    @Test
    void sameNameReturnsTheSameAdvancingStream() {
        RandomStreams s = new RandomStreams(1);
        assertSame(s.stream("x"), s.stream("x"));
        assertEquals(1, s.names().size());
    }
}
