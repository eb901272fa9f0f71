package org.cometsim.offload.dsm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.TreeSet;

import org.cometsim.offload.wire.Ids;
import org.cometsim.offload.wire.Message.IdRun;
import org.cometsim.offload.wire.Message.TrimMarks;
import org.junit.jupiter.api.Test;

/** A trim round's marks as runs of ids ({@link Trim#runs}): maximal, ascending, never across a space. */
class TrimRunsTest {
    private static List<IdRun> runs(int... ids) {
        TreeSet<Integer> s = new TreeSet<>(Integer::compareUnsigned);
        for (int id : ids) {
            s.add(id);
        }
        return Trim.runs(s);
    }

    @Test
    void maximalRunsPerSpace() {
        int p = Ids.PHONE_SPACE;
        int s = Ids.SERVER_SPACE;
        assertEquals(List.of(), runs());
        assertEquals(List.of(new IdRun(Ids.objectId(p, 3), 3), new IdRun(Ids.objectId(p, 9), 1),
                new IdRun(Ids.objectId(s, 0), 2)),
                runs(Ids.objectId(s, 1), Ids.objectId(p, 4), Ids.objectId(p, 3), Ids.objectId(p, 5), Ids.objectId(p, 9),
                        Ids.objectId(s, 0)));
        // The last phone id and the first server id are adjacent numbers but two runs.
        List<IdRun> boundary = runs(Ids.objectId(p, Ids.MAX_INDEX), Ids.objectId(s, 0));
        assertEquals(List.of(new IdRun(Ids.objectId(p, Ids.MAX_INDEX), 1), new IdRun(Ids.objectId(s, 0), 1)), boundary);
        new TrimMarks(0, false, boundary); // and a valid message
    }
}
