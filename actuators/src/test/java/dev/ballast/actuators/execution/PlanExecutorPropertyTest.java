package dev.ballast.actuators.execution;

import dev.ballast.actuators.plan.LiveMigrate;
import dev.ballast.actuators.plan.Plan;
import dev.ballast.actuators.plan.PlanStep;
import dev.ballast.actuators.plan.PowerOn;
import dev.ballast.actuators.simulation.SimulatedHypervisor;
import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.Resources;
import dev.ballast.collectors.cluster.Vm;
import dev.ballast.collectors.cluster.VmId;
import dev.ballast.collectors.metrics.InMemoryMetricStore;
import dev.ballast.collectors.simulation.SimulatedCluster;
import dev.ballast.collectors.simulation.SimulatedClusterSpec;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random plans (seeded) under random budgets: whatever the overlap, the cluster ends where running the plan one
 * step at a time would leave it, and no budget is ever exceeded.
 */
class PlanExecutorPropertyTest {
    @Test
    void concurrentExecutionEndsLikeSequentialExecutionWithinItsBudgets() {
        int overlapped = 0;
        for (long seed = 1; seed <= 25; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            SimulatedClusterSpec d = SimulatedClusterSpec.defaults();
            SimulatedCluster cluster = SimulatedCluster.generate(new SimulatedClusterSpec(6, 12, seed, new Resources(512, 4 * 1024 * 1024),
                    d.hostPower(), Duration.ofMinutes(5), d.start()), new InMemoryMetricStore());
            List<HostId> hosts = cluster.snapshot().hosts().stream().map(h -> h.id()).toList();
            Map<VmId, HostId> expected = new HashMap<>(cluster.snapshot().placement());
            List<PlanStep> steps = new ArrayList<>();
            int count = 10 + random.nextInt(20);
            for (int i = 0; i < count; i++) {
                if (random.nextInt(10) == 0) {
                    HostId h = hosts.get(random.nextInt(hosts.size()));
                    steps.add(new PowerOn(h, "property")); // skipped: every host stays on
                    continue;
                }
                Vm vm = cluster.snapshot().vms().get(random.nextInt(12));
                HostId from = expected.get(vm.id());
                HostId to = hosts.get(random.nextInt(hosts.size()));
                if (to.equals(from)) {
                    continue;
                }
                steps.add(new LiveMigrate(vm.id(), from, to, vm.size().memoryMib(), "property"));
                expected.put(vm.id(), to);
            }
            int global = 1 + random.nextInt(4);
            int out = 1 + random.nextInt(3);
            int in = 1 + random.nextInt(3);
            CountingDriver driver = new CountingDriver(new SimulatedHypervisor(cluster, 1024 * 1024, 0.05 + random.nextDouble() / 10));
            ExecutionLimits limits = ExecutionLimits.defaults().withConcurrency(global, out, in);

            ExecutionReport report = new PlanExecutor(driver, limits, ExecutionJournal.NONE, Clock.systemUTC())
                    .execute(new Plan("seed-" + seed, steps), null);

            String context = "seed " + seed + ", limits " + limits;
            assertThat(report.succeeded()).as(context + ": " + report).isTrue();
            assertThat(cluster.snapshot().placement()).as(context).isEqualTo(expected);
            assertThat(driver.maxInFlight()).as(context).isLessThanOrEqualTo(global);
            assertThat(driver.maxOutgoing.values()).as(context).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(out));
            assertThat(driver.maxIncoming.values()).as(context).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(in));
            overlapped += driver.maxInFlight() > 1 ? 1 : 0;
        }
        assertThat(overlapped).as("runs in which steps overlapped (the property is about overlap)").isGreaterThan(5);
    }
}
