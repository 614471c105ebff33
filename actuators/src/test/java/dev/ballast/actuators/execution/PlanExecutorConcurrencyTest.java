package dev.ballast.actuators.execution;

import dev.ballast.actuators.plan.LiveMigrate;
import dev.ballast.actuators.plan.Plan;
import dev.ballast.actuators.plan.PlanStep;
import dev.ballast.actuators.plan.PowerOff;
import dev.ballast.actuators.simulation.SimulatedHypervisor;
import dev.ballast.collectors.cluster.ClusterSnapshot;
import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.HostState;
import dev.ballast.collectors.cluster.Resources;
import dev.ballast.collectors.cluster.Vm;
import dev.ballast.collectors.metrics.InMemoryMetricStore;
import dev.ballast.collectors.simulation.SimulatedCluster;
import dev.ballast.collectors.simulation.SimulatedClusterSpec;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class PlanExecutorConcurrencyTest {
    /** Hosts so large that any placement fits: these tests are about timing, not capacity. */
    private final SimulatedCluster cluster = SimulatedCluster.generate(new SimulatedClusterSpec(8, 40, 11,
            new Resources(256, 1024 * 1024), SimulatedClusterSpec.defaults().hostPower(),
            Duration.ofMinutes(5), SimulatedClusterSpec.defaults().start()), new InMemoryMetricStore());

    private static HostId host(int n) {
        return HostId.of(String.format("host-%02d", n));
    }

    private PlanExecutor executor(HypervisorDriver driver, ExecutionLimits limits) {
        return new PlanExecutor(driver, limits, ExecutionJournal.NONE, Clock.systemUTC());
    }

    /** Every VM of hosts 1-4 moves to host 5-8, steps alternating between source hosts. */
    private List<PlanStep> spreadPlan() {
        ClusterSnapshot now = cluster.snapshot();
        List<List<Vm>> bySource = new ArrayList<>();
        for (int h = 1; h <= 4; h++) {
            bySource.add(new ArrayList<>(now.vmsOn(host(h))));
        }
        List<PlanStep> steps = new ArrayList<>();
        for (int round = 0; steps.size() < now.vms().size(); round++) {
            boolean any = false;
            for (int h = 0; h < 4; h++) {
                if (round < bySource.get(h).size()) {
                    Vm vm = bySource.get(h).get(round);
                    steps.add(new LiveMigrate(vm.id(), vm.host(), host(5 + (round + h) % 4), vm.size().memoryMib(), "spread"));
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        return steps;
    }

    @Test
    void neverExceedsTheBudgetsWhateverThePlanAsks() {
        List<PlanStep> steps = spreadPlan();
        assertThat(steps).hasSizeGreaterThan(10);
        CountingDriver driver = new CountingDriver(new SimulatedHypervisor(cluster, 64 * 1024, 0.5));
        ExecutionLimits limits = ExecutionLimits.defaults().withConcurrency(3, 1, 2);

        ExecutionReport report = executor(driver, limits).execute(new Plan("spread", steps), null);

        assertThat(report.succeeded()).isTrue();
        assertThat(driver.maxInFlight()).isBetween(2, 3);
        assertThat(driver.maxOutgoing.values()).allSatisfy(n -> assertThat(n).isEqualTo(1));
        assertThat(driver.maxIncoming.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(2));
        for (PlanStep s : steps) {
            LiveMigrate m = (LiveMigrate) s;
            assertThat(cluster.snapshot().vm(m.vm()).orElseThrow().host()).isEqualTo(m.target());
        }
    }

    @Test
    void aConcurrencyOfOneRunsOneStepAtATime() {
        List<PlanStep> steps = spreadPlan().subList(0, 8);
        CountingDriver driver = new CountingDriver(new SimulatedHypervisor(cluster, 64 * 1024, 0.2));
        ExecutionReport report = executor(driver, ExecutionLimits.sequential()).execute(new Plan("one", steps), null);
        assertThat(report.succeeded()).isTrue();
        assertThat(driver.maxInFlight()).isEqualTo(1);
    }

    @Test
    void aMigrationIntoAHostWaitsForTheEarlierMigrationLeavingIt() {
        ClusterSnapshot now = cluster.snapshot();
        Vm leaving = now.vmsOn(host(1)).get(0);
        Vm arriving = now.vmsOn(host(3)).get(0);
        Vm unrelated = now.vmsOn(host(5)).get(0);
        List<PlanStep> steps = List.of(
                new LiveMigrate(leaving.id(), host(1), host(2), leaving.size().memoryMib(), "frees host-01"),
                new LiveMigrate(unrelated.id(), host(5), host(6), unrelated.size().memoryMib(), "independent"),
                new LiveMigrate(arriving.id(), host(3), host(1), arriving.size().memoryMib(), "needs the room"));
        CountingDriver driver = new CountingDriver(new SimulatedHypervisor(cluster, 16 * 1024, 1));

        ExecutionReport report = executor(driver, ExecutionLimits.defaults()).execute(new Plan("deps", steps), null);

        assertThat(report.succeeded()).isTrue();
        assertThat(driver.startedNanos.get(arriving.id())).isGreaterThanOrEqualTo(driver.endedNanos.get(leaving.id()));
        assertThat(driver.startedNanos.get(unrelated.id())).isLessThan(driver.endedNanos.get(leaving.id()));
    }

    @Test
    void aPowerStepWaitsForEverythingBeforeItAndHoldsBackEverythingAfter() {
        ClusterSnapshot now = cluster.snapshot();
        List<PlanStep> steps = new ArrayList<>();
        for (Vm vm : now.vmsOn(host(1))) {
            steps.add(new LiveMigrate(vm.id(), host(1), host(2), vm.size().memoryMib(), "empty host-01"));
        }
        steps.add(new PowerOff(host(1), "empty"));
        Vm later = now.vmsOn(host(3)).get(0);
        steps.add(new LiveMigrate(later.id(), host(3), host(4), later.size().memoryMib(), "after"));
        List<StepOutcome> events = new CopyOnWriteArrayList<>();

        ExecutionReport report = executor(new SimulatedHypervisor(cluster, 64 * 1024, 0.5), ExecutionLimits.defaults())
                .execute(new Plan("barrier", steps), events::add);

        assertThat(report.succeeded()).isTrue();
        int powerIndex = steps.size() - 2;
        int powerStart = indexOf(events, powerIndex, StepStatus.RUNNING);
        int powerEnd = indexOf(events, powerIndex, StepStatus.SUCCEEDED);
        for (int i = 0; i < powerIndex; i++) {
            assertThat(indexOf(events, i, StepStatus.SUCCEEDED)).isLessThan(powerStart);
        }
        assertThat(indexOf(events, powerIndex + 1, StepStatus.RUNNING)).isGreaterThan(powerEnd);
        assertThat(cluster.snapshot().host(host(1)).orElseThrow().state()).isEqualTo(HostState.OFF);
    }

    @Test
    void aStepThatOutlivesItsTimeoutIsAbortedAndLeavesTheVmOnItsSource() {
        Vm vm = cluster.snapshot().vmsOn(host(1)).get(0);
        LiveMigrate slow = new LiveMigrate(vm.id(), host(1), host(2), vm.size().memoryMib(), "slow");
        Vm next = cluster.snapshot().vmsOn(host(3)).get(0);
        // 1 MiB/s in real time: thousands of seconds unless aborted
        SimulatedHypervisor hv = new SimulatedHypervisor(cluster, 1, 1);
        ExecutionLimits limits = ExecutionLimits.sequential().withTimeouts(Duration.ofMillis(200), Duration.ofSeconds(5));
        long t0 = System.nanoTime();

        ExecutionReport report = executor(hv, limits).execute(new Plan("slow", List.of(slow,
                new LiveMigrate(next.id(), host(3), host(4), next.size().memoryMib(), "never"))), null);

        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(5);
        StepOutcome failed = report.steps().get(0);
        assertThat(failed.status()).isEqualTo(StepStatus.FAILED);
        assertThat(failed.message()).contains("timed out after PT0.2S and was aborted", vm.id().value(), "runs on host-01");
        assertThat(report.steps().get(1).status()).isEqualTo(StepStatus.NOT_STARTED);
        assertThat(cluster.isMigrating(vm.id())).isFalse();
        assertThat(cluster.snapshot().vm(vm.id()).orElseThrow().host()).isEqualTo(host(1));
    }

    @Test
    void aFailureLetsStepsInFlightFinishAndStartsNoMore() {
        List<PlanStep> steps = spreadPlan().subList(0, 6);
        LiveMigrate second = (LiveMigrate) steps.get(1);
        cluster.setState(second.target(), HostState.MAINTENANCE);
        ExecutionLimits limits = ExecutionLimits.defaults().withConcurrency(2, 2, 2);

        ExecutionReport report = executor(new SimulatedHypervisor(cluster, 64 * 1024, 0.5), limits).execute(new Plan("f", steps), null);

        assertThat(report.steps().get(0).status()).isEqualTo(StepStatus.SUCCEEDED);
        assertThat(report.steps().get(1).status()).isEqualTo(StepStatus.FAILED);
        assertThat(report.steps().subList(2, 6)).extracting(StepOutcome::status).containsOnly(StepStatus.NOT_STARTED);
        // every VM still on exactly one host, the failed one where it was
        assertThat(cluster.snapshot().vm(second.vm()).orElseThrow().host()).isEqualTo(second.source());
        assertThat(cluster.snapshot().vms()).hasSize(40);
    }

    @Test
    void cancelLetsStepsInFlightFinishAndCancelsTheRest() {
        List<PlanStep> steps = spreadPlan().subList(0, 8);
        ExecutionLimits limits = ExecutionLimits.defaults().withConcurrency(2, 2, 2);
        PlanExecutor executor = executor(new SimulatedHypervisor(cluster, 64 * 1024, 0.5), limits);
        ExecutionReport report = executor.execute(new Plan("c", steps), outcome -> {
            if (outcome.index() == 1 && outcome.status() == StepStatus.RUNNING) {
                executor.cancel();
            }
        });
        assertThat(report.steps().subList(0, 2)).extracting(StepOutcome::status).containsOnly(StepStatus.SUCCEEDED);
        assertThat(report.steps().subList(2, 8)).extracting(StepOutcome::status).containsOnly(StepStatus.CANCELLED);
        assertThat(report.steps().get(5).message()).contains("plan c was cancelled");
    }

    private static int indexOf(List<StepOutcome> events, int step, StepStatus status) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).index() == step && events.get(i).status() == status) {
                return i;
            }
        }
        throw new AssertionError("no event " + status + " for step " + step + " in " + events);
    }
}
