package dev.ballast.actuators.journal;

import dev.ballast.actuators.execution.ExecutionLimits;
import dev.ballast.actuators.execution.ExecutionReport;
import dev.ballast.actuators.execution.PlanExecutor;
import dev.ballast.actuators.execution.StepOutcome;
import dev.ballast.actuators.execution.StepStatus;
import dev.ballast.actuators.plan.LiveMigrate;
import dev.ballast.actuators.plan.Plan;
import dev.ballast.actuators.plan.PlanStep;
import dev.ballast.actuators.plan.PowerOn;
import dev.ballast.actuators.simulation.SimulatedHypervisor;
import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.Vm;
import dev.ballast.collectors.cluster.VmId;
import dev.ballast.collectors.metrics.InMemoryMetricStore;
import dev.ballast.collectors.simulation.SimulatedCluster;
import dev.ballast.collectors.simulation.SimulatedClusterSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileJournalTest {
    @TempDir
    Path dir;

    private final SimulatedCluster cluster = SimulatedCluster.generate(SimulatedClusterSpec.defaults().withSize(4, 8), new InMemoryMetricStore());

    private List<PlanStep> twoMigrations() {
        List<PlanStep> steps = new ArrayList<>();
        for (Vm vm : cluster.snapshot().vms().subList(0, 2)) {
            HostId target = cluster.snapshot().hosts().stream().map(h -> h.id()).filter(h -> !h.equals(vm.host())).findFirst().orElseThrow();
            steps.add(new LiveMigrate(vm.id(), vm.host(), target, vm.size().memoryMib(), "balance\twith a tab,\na newline and a \\"));
        }
        steps.add(new PowerOn(HostId.of("host-01"), "already on"));
        return steps;
    }

    @Test
    void recordsEveryTransitionBeforeTheListenerHearsOfIt() {
        FileJournal journal = new FileJournal(dir.resolve("sub/journal.log"));
        List<PlanStep> steps = twoMigrations();
        List<Integer> linesSeenByListener = new ArrayList<>();
        PlanExecutor executor = new PlanExecutor(new SimulatedHypervisor(cluster, 1024, 0), ExecutionLimits.sequential(), journal, Clock.systemUTC());

        ExecutionReport report = executor.execute(new Plan("p-1", steps), outcome -> {
            List<JournaledPlan> plans = journal.read();
            StepOutcome recorded = plans.get(0).steps().get(outcome.index());
            assertThat(recorded.status()).isEqualTo(outcome.status());
            linesSeenByListener.add(recorded.index());
        });

        assertThat(linesSeenByListener).containsExactly(0, 0, 1, 1, 2);
        JournaledPlan read = journal.read().get(0);
        assertThat(read.plan()).isEqualTo(new Plan("p-1", steps));
        assertThat(read.finished()).isTrue();
        assertThat(read.ending()).contains("succeeded");
        assertThat(read.steps()).extracting(StepOutcome::status).containsExactly(StepStatus.SUCCEEDED, StepStatus.SUCCEEDED, StepStatus.SKIPPED);
        assertThat(read.steps()).extracting(StepOutcome::message).isEqualTo(report.steps().stream().map(StepOutcome::message).toList());
        assertThat(read.interrupted()).isEmpty();
    }

    @Test
    void appendsPlanAfterPlan() {
        FileJournal journal = new FileJournal(dir.resolve("journal.log"));
        PlanExecutor executor = new PlanExecutor(new SimulatedHypervisor(cluster, 1024, 0), ExecutionLimits.defaults(), journal, Clock.systemUTC());
        executor.execute(new Plan("first", twoMigrations()), null);
        executor.execute(new Plan("second", List.of(new PowerOn(HostId.of("host-02"), "r"))), null);
        assertThat(journal.read()).extracting(p -> p.plan().id()).containsExactly("first", "second");
    }

    @Test
    void ignoresARecordTornByAKillAndNamesTheLineOfACorruptOne() throws Exception {
        Path file = dir.resolve("journal.log");
        FileJournal journal = new FileJournal(file);
        LiveMigrate m = new LiveMigrate(VmId.of("vm-1"), HostId.of("a"), HostId.of("b"), 128, "r");
        journal.planStarted(new Plan("p", List.of(m)), Instant.parse("2026-01-01T00:00:00Z"));
        Files.writeString(file, "STATUS\t2026-01-01T00:00:01Z\tp\t0\tRUNN", java.nio.file.StandardOpenOption.APPEND);
        assertThat(journal.read().get(0).steps().get(0).status()).isEqualTo(StepStatus.NOT_STARTED);

        Files.writeString(file, "ING\tmigrate\nBOGUS\tline\n", java.nio.file.StandardOpenOption.APPEND);
        assertThatThrownBy(journal::read).hasMessageContaining("journal line 4").hasMessageContaining("BOGUS");
    }
}
