package org.cometsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cometsim.dalvik.load.ClassPath;
import org.cometsim.device.DeviceModels;
import org.cometsim.net.LinkModels;
import org.cometsim.offload.policy.Policies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An interrupt the server delivered after the interrupted thread's last checkpoint, then the link
 * fails: the thread resumes on the phone from that checkpoint, where it was not interrupted yet,
 * and the phone must deliver the interrupt again ({@code src/test/resources/interruptfailure}).
 * Before the fix the phone had already taken the server's answer as "delivered there" and the
 * worker, resumed without its flag, spun until it gave up.
 */
class InterruptRecoveryTest {
    private static final String MAIN = "interruptfailure.InterruptedThenCompute";
    private static final String LINK = "comet-wifi";

    @TempDir
    static Path dir;
    private static ClassPath program;

    @BeforeAll
    static void compile() throws Exception {
        program = CompiledTestProgram.compile("interruptfailure", dir);
    }

    @Test
    @Timeout(300) // a hang guard only
    void anInterruptDeliveredOnTheServerAfterTheCheckpointIsDeliveredAgainAfterAFailure() {
        String java = GuestPrograms.hostStdout(dir.resolve("interruptfailure").resolve("classes"), MAIN);
        assertEquals("the worker saw the interrupt\ndone\n", java);
        OffloadRun.Result base = OffloadRun.run(config(List.of()));
        assertEquals(java, base.offload().stdout(), base.offload().stderr());
        long delivered = serverEvents(base.trace(), "interrupt_delivered").get(0);
        long back = serverEvents(base.trace(), "migrate_out").stream().filter(t -> t > delivered).findFirst()
                .orElseThrow(() -> new AssertionError("the worker never came back:\n" + String.join("\n", base.trace())));
        // Late in the server's computation after the interrupt: its answer has reached the phone
        // (one-way ~5 ms on comet-wifi), the worker's return has not left.
        assertTrue(back - delivered > 10_000_000L, "the window is wide enough: " + (back - delivered) + " ns");
        long at = delivered + (back - delivered) * 3 / 4;
        OffloadRun.Result r = OffloadRun.run(config(List.of(at)), base.local());
        assertEquals(1, r.phone().connectionsLost(), "the failure at " + at + " ns happened");
        assertTrue(r.phone().threadsRecovered() >= 1, "the worker resumed on the phone");
        assertEquals(java, r.offload().stdout(), "output after a failure at " + at + " ns");
    }

    private static OffloadRun.Config config(List<Long> failAt) {
        return new OffloadRun.Config(program, "interruptfailure.dex", MAIN, new String[0],
                DeviceModels.cpu("phone-2012-hummingbird-portable"), DeviceModels.cpu("server-2012-portable"),
                sim -> LinkModels.preset(LINK, sim.streams()), OffloadRun.radioFor(LINK), Policies.byName("always"),
                null, 1, true, null, failAt);
    }

    private static List<Long> serverEvents(List<String> trace, String event) {
        List<Long> out = new ArrayList<>();
        Pattern p = Pattern.compile("\\{\"t_ns\":(\\d+),\"endpoint\":\"server\",\"event\":\"" + event + "\"");
        for (String line : trace) {
            Matcher m = p.matcher(line);
            if (m.lookingAt()) {
                out.add(Long.parseLong(m.group(1)));
            }
        }
        return out;
    }
}
