package dev.ballast.actuators.simulation;

import dev.ballast.actuators.execution.ExecutionReport;
import dev.ballast.actuators.execution.PlanExecutor;
import dev.ballast.actuators.plan.LiveMigrate;
import dev.ballast.actuators.plan.Plan;
import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.Vm;
import dev.ballast.collectors.metrics.InMemoryMetricStore;
import dev.ballast.collectors.simulation.SimulatedCluster;
import dev.ballast.collectors.simulation.SimulatedClusterSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatedHypervisorTest {
    private final SimulatedCluster cluster = SimulatedCluster.generate(SimulatedClusterSpec.defaults().withSize(3, 5), new InMemoryMetricStore());

    private LiveMigrate someMigration() {
        Vm vm = cluster.snapshot().vms().get(0);
        HostId target = cluster.snapshot().hosts().stream().map(h -> h.id()).filter(h -> !h.equals(vm.host())).findFirst().orElseThrow();
        return new LiveMigrate(vm.id(), vm.host(), target, vm.size().memoryMib(), "test");
    }

    @Test
    void aMigrationLastsMemoryOverBandwidthScaledToRealTime() {
        LiveMigrate m = someMigration();
        double bandwidth = 2048;
        double factor = 0.1;
        SimulatedHypervisor hv = new SimulatedHypervisor(cluster, bandwidth, factor);
        double expectedMillis = m.memoryMib() / bandwidth * factor * 1000;
        long t0 = System.nanoTime();
        hv.migrate(m);
        double tookMillis = (System.nanoTime() - t0) / 1e6;
        assertThat(tookMillis).isGreaterThanOrEqualTo(expectedMillis - 1);
        assertThat(hv.migrationSeconds(2048)).isEqualTo(1.0);
        assertThat(cluster.snapshot().vm(m.vm()).orElseThrow().host()).isEqualTo(m.target());
    }

    @Test
    void anInterruptedMigrationIsAbortedAndTheVmStaysOnItsSource() throws Exception {
        LiveMigrate m = someMigration();
        SimulatedHypervisor hv = new SimulatedHypervisor(cluster, 1, 1); // seconds per MiB: long enough to interrupt
        AtomicReference<Throwable> error = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                hv.migrate(m);
            } catch (Throwable e) {
                error.set(e);
            }
        });
        t.start();
        while (!cluster.isMigrating(m.vm())) {
            Thread.onSpinWait();
        }
        t.interrupt();
        t.join(5000);
        assertThat(error.get()).hasMessageContaining(m.vm().value()).hasMessageContaining("aborted");
        assertThat(cluster.isMigrating(m.vm())).isFalse();
        assertThat(cluster.snapshot().vm(m.vm()).orElseThrow().host()).isEqualTo(m.source());
    }

    @Test
    void aDryRunOnACopyLeavesTheRealClusterUntouched() {
        LiveMigrate m = someMigration();
        Map<?, ?> before = cluster.snapshot().placement();
        SimulatedCluster sandbox = cluster.copy(new InMemoryMetricStore());
        ExecutionReport report = new PlanExecutor(new SimulatedHypervisor(sandbox, 1024, 0)).execute(new Plan("dry", List.of(m)), null);
        assertThat(report.succeeded()).isTrue();
        assertThat(sandbox.snapshot().vm(m.vm()).orElseThrow().host()).isEqualTo(m.target());
        assertThat(cluster.snapshot().placement()).isEqualTo(before);
    }

    @Test
    void rejectsNonsenseSettings() {
        assertThatThrownBy(() -> new SimulatedHypervisor(cluster, 0, 0)).hasMessageContaining("bandwidth").hasMessageContaining("0");
        assertThatThrownBy(() -> new SimulatedHypervisor(cluster, 10, -1)).hasMessageContaining("-1");
    }
}
