package dev.ballast.scheduler.ha;

import dev.ballast.actuators.execution.StepOutcome;
import dev.ballast.actuators.execution.StepStatus;
import dev.ballast.actuators.plan.LiveMigrate;
import dev.ballast.collectors.cluster.Vm;
import dev.ballast.scheduler.plans.PlanRecord;
import dev.ballast.scheduler.plans.PlanService;
import dev.ballast.scheduler.plans.PlanStatus;
import dev.ballast.scheduler.planning.Goal;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The single-instance case the failover follows: the service dies in the middle of a plan (its hands stop where
 * they are, a migration under way included) and is started again on the same database. The restarted service
 * settles the interrupted migration, records each step as the hypervisors show it, closes the plan, and starts no
 * step again.
 */
@Timeout(120)
class RestartRecoveryTest {
    @TempDir
    Path dir;

    private EmbeddedServer start(String instance) {
        return ApplicationContext.run(EmbeddedServer.class, Map.of(
                "ballast.store.url", "jdbc:h2:file:" + dir.resolve("ballast") + ";AUTO_SERVER=FALSE",
                "ballast.simulation.tick", "0s",
                "ha-test.world", "restart",
                "ha-test.instance", instance,
                "micronaut.server.port", -1), "test");
    }

    @Test
    void aRestartReconcilesThePlanThatWasExecutingFromTheJournalAndTheHypervisors() throws Exception {
        SharedSimulation.World world = SharedSimulation.World.create("restart", 12, 80, 0.02);
        String id;
        EmbeddedServer first = start("before");
        try {
            PlanService plans = first.getApplicationContext().getBean(PlanService.class);
            id = plans.preview(Goal.CONSOLIDATE, Duration.ofSeconds(2)).id();
            plans.execute(id, "test");
            Instant end = Instant.now().plusSeconds(60);
            while (!(plans.get(id).outcomes().stream().anyMatch(s -> s.status() == StepStatus.SUCCEEDED)
                    && plans.get(id).outcomes().stream().anyMatch(s -> s.status() == StepStatus.RUNNING))) {
                assertThat(Instant.now()).as("a step done and one running").isBefore(end);
                Thread.sleep(10);
            }
            world.hands.get("before").die();
        } finally {
            first.getApplicationContext().close();
        }
        long inFlight = world.cluster.snapshot().vms().stream().map(Vm::id).filter(world.cluster::isMigrating).count();
        assertThat(inFlight).as("the dead service left migrations under way").isPositive();

        try (EmbeddedServer second = start("after")) {
            PlanRecord plan = second.getApplicationContext().getBean(PlanService.class).get(id);
            assertThat(plan.status()).isEqualTo(PlanStatus.FAILED);
            assertThat(plan.message()).startsWith("the service stopped while this plan executed; reconciled from the journal and the hypervisors");
            assertThat(world.cluster.snapshot().vms()).noneMatch(vm -> world.cluster.isMigrating(vm.id()));
            assertThat(plan.outcomes()).noneMatch(o -> o.status() == StepStatus.RUNNING);
            assertThat(plan.outcomes()).anyMatch(o -> o.message().contains("interrupted by a restart; reconciled"));
            for (StepOutcome o : plan.outcomes()) {
                if (o.step() instanceof LiveMigrate m) {
                    Vm vm = world.cluster.snapshot().vm(m.vm()).orElseThrow();
                    if (o.status() == StepStatus.SUCCEEDED) {
                        assertThat(vm.host()).as("step %s", o.index()).isEqualTo(m.target());
                    } else {
                        assertThat(vm.host()).as("step %s", o.index()).isEqualTo(m.source());
                    }
                }
            }
            assertThat(world.ledger).doesNotHaveDuplicates();
            assertThat(world.ledger).noneMatch(l -> l.startsWith("after "));
        }
    }
}
