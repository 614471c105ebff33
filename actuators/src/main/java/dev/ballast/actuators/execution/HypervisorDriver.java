package dev.ballast.actuators.execution;

import dev.ballast.actuators.plan.LiveMigrate;
import dev.ballast.collectors.cluster.ClusterSnapshot;
import dev.ballast.collectors.cluster.HostId;

/**
 * What the executor needs from the hypervisors. Calls block until the action is done; a failure throws an unchecked
 * exception whose message names the VM or host. {@link #observe()} is what the hypervisors report now: the executor
 * trusts it, never the plan.
 */
public interface HypervisorDriver {
    ClusterSnapshot observe();

    /** Live-migrates the step's VM to its target; on interruption the migration is aborted before returning. */
    void migrate(LiveMigrate step);

    void powerOn(HostId host);

    void powerOff(HostId host);

    /**
     * Settles a migration that was under way when a previous process died: lets it finish or aborts it, so that
     * the VM runs, not paused, on exactly one host. Called on restart before the outcome is judged by
     * {@link #observe()}. Drivers whose migrations cannot outlive the process have nothing to do.
     */
    default void resolveInterrupted(LiveMigrate step) {
    }
}
