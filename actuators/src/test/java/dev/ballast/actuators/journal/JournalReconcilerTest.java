package dev.ballast.actuators.journal;

import dev.ballast.actuators.execution.ExecutionReport;
import dev.ballast.actuators.execution.StepOutcome;
import dev.ballast.actuators.execution.StepStatus;
import dev.ballast.actuators.plan.LiveMigrate;
import dev.ballast.actuators.plan.Plan;
import dev.ballast.actuators.plan.PowerOff;
import dev.ballast.actuators.simulation.SimulatedHypervisor;
import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.Vm;
import dev.ballast.collectors.metrics.InMemoryMetricStore;
import dev.ballast.collectors.simulation.SimulatedCluster;
import dev.ballast.collectors.simulation.SimulatedClusterSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a killed process leaves behind, built by hand: a journal whose last word on a step is RUNNING, and a
 * hypervisor on which that migration is either still in flight or already done.
 */
class JournalReconcilerTest {
    @TempDir
    Path dir;

    private final SimulatedCluster cluster = SimulatedCluster.generate(SimulatedClusterSpec.defaults().withSize(4, 8), new InMemoryMetricStore());
    private final SimulatedHypervisor hypervisor = new SimulatedHypervisor(cluster, 1024, 0);

    private LiveMigrate[] crashedDuringSecondOfThree(FileJournal journal) {
        List<Vm> vms = cluster.snapshot().vms();
        LiveMigrate[] steps = new LiveMigrate[3];
        for (int i = 0; i < 3; i++) {
            Vm vm = vms.get(i);
            HostId target = cluster.snapshot().hosts().stream().map(h -> h.id()).filter(h -> !h.equals(vm.host())).findFirst().orElseThrow();
            steps[i] = new LiveMigrate(vm.id(), vm.host(), target, vm.size().memoryMib(), "r");
        }
        Plan plan = new Plan("crashed", List.of(steps));
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        journal.planStarted(plan, t);
        StepOutcome first = StepOutcome.notStarted(0, steps[0]).running(t, "");
        journal.stepChanged("crashed", first);
        cluster.beginMigration(steps[0].vm(), steps[0].target());
        cluster.completeMigration(steps[0].vm());
        journal.stepChanged("crashed", first.finish(StepStatus.SUCCEEDED, "ok", t.plusSeconds(3)));
        journal.stepChanged("crashed", StepOutcome.notStarted(1, steps[1]).running(t.plusSeconds(3), ""));
        cluster.beginMigration(steps[1].vm(), steps[1].target());
        return steps;
    }

    @Test
    void abortsAMigrationStillInFlightAndRecordsItAsFailed() {
        FileJournal journal = new FileJournal(dir.resolve("journal.log"));
        LiveMigrate[] steps = crashedDuringSecondOfThree(journal);

        List<ExecutionReport> reports = new JournalReconciler(journal, hypervisor, Clock.systemUTC()).reconcile();

        assertThat(reports).hasSize(1);
        List<StepOutcome> outcome = reports.get(0).steps();
        assertThat(outcome).extracting(StepOutcome::status).containsExactly(StepStatus.SUCCEEDED, StepStatus.FAILED, StepStatus.NOT_STARTED);
        assertThat(outcome.get(1).message()).contains("did not complete", steps[1].vm().value(), "runs on " + steps[1].source());
        assertThat(cluster.isMigrating(steps[1].vm())).isFalse();
        assertThat(cluster.snapshot().vm(steps[1].vm()).orElseThrow().host()).isEqualTo(steps[1].source());
        JournaledPlan after = journal.read().get(0);
        assertThat(after.ending()).contains("reconciled");
        assertThat(after.steps().get(1).status()).isEqualTo(StepStatus.FAILED);
        assertThat(new JournalReconciler(journal, hypervisor, Clock.systemUTC()).reconcile()).isEmpty();
    }

    @Test
    void recordsAMigrationThatFinishedWhileNobodyWatchedAsSucceededWithoutRepeatingIt() {
        FileJournal journal = new FileJournal(dir.resolve("journal.log"));
        LiveMigrate[] steps = crashedDuringSecondOfThree(journal);
        cluster.completeMigration(steps[1].vm());
        var before = cluster.snapshot().placement();

        List<ExecutionReport> reports = new JournalReconciler(journal, hypervisor, Clock.systemUTC()).reconcile();

        assertThat(reports.get(0).steps().get(1).status()).isEqualTo(StepStatus.SUCCEEDED);
        assertThat(reports.get(0).steps().get(1).message()).contains("completed", "runs on " + steps[1].target());
        assertThat(cluster.snapshot().placement()).isEqualTo(before);
    }
    @Test
    void aKillBetweenStepsLeavesTheRestNotStartedAndClosesThePlan() {
        FileJournal journal = new FileJournal(dir.resolve("journal.log"));
        LiveMigrate[] steps = crashedDuringSecondOfThree(journal);
        cluster.completeMigration(steps[1].vm());
        journal.stepChanged("crashed", StepOutcome.notStarted(1, steps[1]).running(Instant.EPOCH, "")
                .finish(StepStatus.SUCCEEDED, "ok", Instant.EPOCH.plusSeconds(1)));
        var before = cluster.snapshot().placement();

        List<ExecutionReport> reports = new JournalReconciler(journal, hypervisor, Clock.systemUTC()).reconcile();

        assertThat(reports.get(0).steps()).extracting(StepOutcome::status)
                .containsExactly(StepStatus.SUCCEEDED, StepStatus.SUCCEEDED, StepStatus.NOT_STARTED);
        assertThat(cluster.snapshot().placement()).isEqualTo(before);
        assertThat(journal.read().get(0).ending()).contains("reconciled");
    }

    @Test
    void anInterruptedPowerStepIsJudgedOnTheHostState() {
        SimulatedCluster cluster = SimulatedCluster.generate(SimulatedClusterSpec.defaults().withSize(6, 2), new InMemoryMetricStore());
        SimulatedHypervisor hypervisor = new SimulatedHypervisor(cluster, 1024, 0);
        FileJournal journal = new FileJournal(dir.resolve("journal.log"));
        HostId empty = cluster.snapshot().hosts().stream().map(h -> h.id())
                .filter(h -> cluster.snapshot().vmsOn(h).isEmpty()).findFirst().orElseThrow();
        HostId busy = cluster.snapshot().vms().get(0).host();
        Plan plan = new Plan("power", List.of(new PowerOff(empty, "night"), new PowerOff(busy, "wrong")));
        journal.planStarted(plan, Instant.EPOCH);
        journal.stepChanged("power", StepOutcome.notStarted(0, plan.steps().get(0)).running(Instant.EPOCH, ""));
        cluster.powerOff(empty);
        journal.stepChanged("power", StepOutcome.notStarted(0, plan.steps().get(0)).running(Instant.EPOCH, "")
                .finish(StepStatus.SUCCEEDED, "off", Instant.EPOCH));
        journal.stepChanged("power", StepOutcome.notStarted(1, plan.steps().get(1)).running(Instant.EPOCH, ""));

        List<ExecutionReport> reports = new JournalReconciler(journal, hypervisor, Clock.systemUTC()).reconcile();

        StepOutcome second = reports.get(0).steps().get(1);
        assertThat(second.status()).isEqualTo(StepStatus.FAILED);
        assertThat(second.message()).contains("host " + busy + " is ON, not OFF");
    }
}
