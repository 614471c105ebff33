package dev.ballast.collectors.cluster;

/** Power and admin state of a host: only an ON host runs VMs. */
public enum HostState {
    ON,
    OFF,
    BOOTING,
    MAINTENANCE;

    public boolean canRunVms() {
        return this == ON;
    }
}
