package dev.ballast.actuators.libvirt;

import dev.ballast.actuators.execution.ExecutionLimits;
import dev.ballast.actuators.execution.PlanExecutor;
import dev.ballast.actuators.journal.FileJournal;
import dev.ballast.actuators.plan.LiveMigrate;
import dev.ballast.actuators.plan.Plan;
import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.VmId;
import dev.ballast.actuators.support.Testbed;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A separate process that runs one slow migration with a journal, for the test that kills it half-way.
 * Arguments: journal file, bandwidth MiB/s, vm, source host number, target host number, then the hosts as
 * "id uri peerUri" triples.
 */
public final class MigrationChild {
    public static void main(String[] args) {
        Path journal = Path.of(args[0]);
        long bandwidth = Long.parseLong(args[1]);
        VmId vm = VmId.of(args[2]);
        HostId source = HostId.of(args[3]);
        HostId target = HostId.of(args[4]);
        List<LibvirtHost> hosts = new ArrayList<>();
        for (int i = 5; i + 2 < args.length; i += 3) {
            hosts.add(new LibvirtHost(HostId.of(args[i]), args[i + 1], args[i + 2], Testbed.POWER, Map.of()));
        }
        LibvirtHypervisor hypervisor = new LibvirtHypervisor(hosts, MigrationSettings.defaults().withBandwidth(bandwidth));
        PlanExecutor executor = new PlanExecutor(hypervisor, ExecutionLimits.sequential(), new FileJournal(journal), Clock.systemUTC());
        executor.execute(new Plan("killed-plan", List.of(new LiveMigrate(vm, source, target, 128, "to be killed"))),
                outcome -> System.out.println("STEP " + outcome.index() + " " + outcome.status() + " " + outcome.message()));
    }
}
