package dev.ballast.collectors.libvirt;

import org.libvirt.DomainInfo;

/** A domain's state as libvirt reports it; only active domains run on (and load) their host. */
public enum DomainRunState {
    NOSTATE, RUNNING, BLOCKED, PAUSED, SHUTDOWN, SHUTOFF, CRASHED, PMSUSPENDED;

    static DomainRunState of(DomainInfo.DomainState state) {
        return switch (state) {
            case VIR_DOMAIN_NOSTATE -> NOSTATE;
            case VIR_DOMAIN_RUNNING -> RUNNING;
            case VIR_DOMAIN_BLOCKED -> BLOCKED;
            case VIR_DOMAIN_PAUSED -> PAUSED;
            case VIR_DOMAIN_SHUTDOWN -> SHUTDOWN;
            case VIR_DOMAIN_SHUTOFF -> SHUTOFF;
            case VIR_DOMAIN_CRASHED -> CRASHED;
            case VIR_DOMAIN_PMSUSPENDED -> PMSUSPENDED;
        };
    }
}
