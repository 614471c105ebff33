package dev.ballast.actuators.power;

import dev.ballast.collectors.cluster.HostId;

/**
 * Switches hosts' power. Calls block until the controller accepted the command (not until the host booted: that is
 * the hypervisor driver's wait); failures throw an unchecked exception naming the host and what answered.
 */
public interface PowerDriver {
    PowerState status(HostId host);

    void powerOn(HostId host);

    void powerOff(HostId host);
}
