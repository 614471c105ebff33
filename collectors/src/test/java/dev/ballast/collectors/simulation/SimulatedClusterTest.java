package dev.ballast.collectors.simulation;

import dev.ballast.collectors.cluster.ClusterSnapshot;
import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.Resources;
import dev.ballast.collectors.cluster.Vm;
import dev.ballast.collectors.cluster.VmId;
import dev.ballast.collectors.metrics.InMemoryMetricStore;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatedClusterTest {
    @Test
    void theDefaultClusterFitsAndItsDemandIsReproducible() {
        SimulatedCluster a = SimulatedCluster.generate(SimulatedClusterSpec.defaults(), new InMemoryMetricStore());
        SimulatedCluster b = SimulatedCluster.generate(SimulatedClusterSpec.defaults(), new InMemoryMetricStore());
        ClusterSnapshot s = a.snapshot();
        assertThat(s.hosts()).hasSize(20);
        assertThat(s.vms()).hasSize(150);
        s.allocatedPerHost().forEach((h, allocated) ->
                assertThat(allocated.memoryMib()).isLessThanOrEqualTo(s.host(h).orElseThrow().capacity().memoryMib()));
        a.advance(12);
        b.advance(12);
        assertThat(a.currentDemand()).isEqualTo(b.currentDemand());
        a.currentDemand().forEach((vm, d) -> assertThat(d.fitsIn(s.vm(vm).orElseThrow().size())).isTrue());
    }

    @Test
    void demandFollowsADailyCycle() {
        WorkloadGenerator g = new WorkloadGenerator(7, java.time.Duration.ofMinutes(5));
        WorkloadProfile p = new WorkloadProfile(0.4, 0.3, 14, 0, 0, 0, 1, 0.5, 0);
        Resources size = Resources.of(4, 4096);
        double peak = g.demand(0, p, size, java.time.Instant.parse("2026-01-05T14:00:00Z")).cpu();
        double trough = g.demand(0, p, size, java.time.Instant.parse("2026-01-05T02:00:00Z")).cpu();
        // 0.4 + 0.3 = 70 % of 4 cores at the peak hour, 0.4 - 0.3 = 10 % twelve hours later.
        assertThat(peak).isCloseTo(2.8, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(trough).isCloseTo(0.4, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void migrationsReserveMemoryOnTheDestinationAndPoweringOffAnOccupiedHostIsRefused() {
        SimulatedCluster c = SimulatedCluster.generate(SimulatedClusterSpec.defaults().withSize(2, 2), new InMemoryMetricStore());
        ClusterSnapshot s = c.snapshot();
        Vm vm = s.vms().get(0);
        HostId other = s.hosts().stream().map(h -> h.id()).filter(h -> !h.equals(vm.host())).findFirst().orElseThrow();
        c.beginMigration(vm.id(), other);
        assertThat(c.isMigrating(vm.id())).isTrue();
        assertThatThrownBy(() -> c.powerOff(other)).hasMessageContaining("migration to it is under way");
        c.completeMigration(vm.id());
        assertThat(c.snapshot().vm(vm.id()).orElseThrow().host()).isEqualTo(other);
        assertThatThrownBy(() -> c.powerOff(other)).hasMessageContaining("VMs run on it");
        assertThatThrownBy(() -> c.beginMigration(VmId.of("nope"), other)).hasMessageContaining("unknown vm nope");
    }

    @Test
    void aMigrationThatDoesNotFitIsRefusedWithTheNumbers() {
        // Two hosts of 20,000 MiB; the first seed whose VMs together need more than one host gives the overflow.
        SimulatedCluster c = null;
        for (long seed = 1; c == null; seed++) {
            SimulatedCluster candidate;
            try {
                candidate = SimulatedCluster.generate(new SimulatedClusterSpec(2, 4, seed, Resources.of(24, 20_000),
                        SimulatedClusterSpec.defaults().hostPower(), java.time.Duration.ofMinutes(5), SimulatedClusterSpec.defaults().start()),
                        new InMemoryMetricStore());
            } catch (IllegalArgumentException tooBig) {
                continue;
            }
            double total = candidate.snapshot().vms().stream().mapToDouble(v -> v.size().memoryMib()).sum();
            c = total > 20_000 ? candidate : null;
        }
        SimulatedCluster cluster = c;
        Map<HostId, Resources> allocated = cluster.snapshot().allocatedPerHost();
        HostId target = allocated.keySet().iterator().next();
        HostId source = allocated.keySet().stream().filter(h -> !h.equals(target)).findFirst().orElseThrow();
        assertThatThrownBy(() -> cluster.snapshot().vmsOn(source).forEach(v -> {
            cluster.beginMigration(v.id(), target);
            cluster.completeMigration(v.id());
        })).hasMessageContaining("MiB free").hasMessageContaining(target.value());
    }
}
