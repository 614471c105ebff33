package dev.ballast.scheduler.sequencing;

import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.VmId;

/** Supplies the reason written on each step, so the sequencer stays free of goal-specific wording. */
public interface StepReasons {
    String migration(VmId vm, HostId from, HostId to);

    String staging(VmId vm, HostId from, HostId staging, HostId finalTarget);

    String powerOn(HostId host);

    String powerOff(HostId host);
}
