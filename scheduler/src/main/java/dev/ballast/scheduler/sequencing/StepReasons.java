package dev.ballast.scheduler.sequencing;

import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.VmId;

/** Supplies the reason written on each step, so the sequencer stays free of goal-specific wording. */
public interface StepReasons {
    String migration(VmId vm, HostId from, HostId to);

    String staging(VmId vm, HostId from, HostId staging, HostId finalTarget);

    String powerOn(HostId host);

    String powerOff(HostId host);

    /** The same fixed label on every step of a kind: for callers that need no explanation (benchmarks, tests). */
    static StepReasons labels(String migration, String staging, String powerOn, String powerOff) {
        return new StepReasons() {
            @Override
            public String migration(VmId vm, HostId from, HostId to) {
                return migration;
            }

            @Override
            public String staging(VmId vm, HostId from, HostId stagingHost, HostId finalTarget) {
                return staging;
            }

            @Override
            public String powerOn(HostId host) {
                return powerOn;
            }

            @Override
            public String powerOff(HostId host) {
                return powerOff;
            }
        };
    }
}
