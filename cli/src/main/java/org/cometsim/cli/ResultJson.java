package org.cometsim.cli;

import org.cometsim.scenarios.OffloadRun;
import org.cometsim.scenarios.results.RunRecord;

/**
 * The result object of {@code comet run --json} (schema in the offload module's README: field
 * names carry their units). Built by {@link RunRecord} (module scenarios), which also gives the
 * same fields as the columns of a sweep's results table.
 */
final class ResultJson {
    private ResultJson() {
    }

    static String of(OffloadRun.Result r, String phone, String server, String link, String policy, String energy,
                     long seed, boolean compress) {
        return RunRecord.json(r, new RunRecord.Names(phone, server, link, policy, energy, seed, compress));
    }
}
