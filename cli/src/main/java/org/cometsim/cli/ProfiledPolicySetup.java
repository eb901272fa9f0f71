package org.cometsim.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.cometsim.dalvik.interp.JitMode;
import org.cometsim.dalvik.load.ClassPath;
import org.cometsim.device.cpu.CpuModel;
import org.cometsim.offload.policy.OffloadPolicy;
import org.cometsim.offload.policy.profile.CloneCloudPolicy;
import org.cometsim.offload.policy.profile.MauiPolicy;
import org.cometsim.offload.policy.profile.OraclePolicy;
import org.cometsim.offload.policy.profile.Profile;
import org.cometsim.scenarios.ProfileRun;

/**
 * {@code comet run --policy maui|clonecloud|oracle}: the profile (from {@code --profile FILE}, or
 * recorded first by running the program alone on the phone, which costs one more local run) and
 * the run's link environment, then the solved policy; its decision goes to stderr.
 */
final class ProfiledPolicySetup {
    private ProfiledPolicySetup() {
    }

    /** The profile from {@code --profile FILE}, else recorded now; null after printing why not (exit status 1). */
    static Profile profile(String profileFile, ClassPath classPath, String cp, String main, String[] args, CpuModel phone,
                           CpuModel server, String link, JitMode jit, PrintStream err) {
        if (profileFile != null) {
            Profile profile;
            try {
                profile = Profile.load(Path.of(profileFile));
            } catch (IOException | IllegalArgumentException e) {
                err.println("comet: --profile " + profileFile + ": " + e.getMessage());
                return null;
            }
            if (!profile.program().equals(main)) {
                err.println("comet: warning: the profile is of " + profile.program() + ", the run of " + main);
            }
            return profile;
        }
        Profile p = ProfileRun.profile(classPath, cp, main, args, phone, server, List.of(link), jit).profile();
        err.println("comet: no --profile given: profiled the program first (one local run)");
        return p;
    }

    /** The solved policy {@code spec} for the run's link; its decision goes to stderr. */
    static OffloadPolicy policy(String spec, Profile profile, String link, String energyName, PrintStream err) {
        OffloadPolicy p;
        try {
            p = ProfileRun.policy(spec, profile, link, energyName);
        } catch (IllegalArgumentException e) {
            throw new CometCli.UsageException("--policy: " + e.getMessage());
        }
        if (p instanceof MauiPolicy m) {
            err.println("comet: " + m.summary());
        } else if (p instanceof CloneCloudPolicy c) {
            err.println("comet: " + c.summary());
        } else if (p instanceof OraclePolicy o) {
            err.println("comet: " + o.summary());
        }
        return p;
    }
}
