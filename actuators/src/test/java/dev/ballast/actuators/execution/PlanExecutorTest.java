package dev.ballast.actuators.execution;

import dev.ballast.actuators.plan.LiveMigrate;
import dev.ballast.actuators.plan.Plan;
import dev.ballast.actuators.plan.PlanStep;
import dev.ballast.actuators.plan.PowerOff;
import dev.ballast.actuators.plan.PowerOn;
import dev.ballast.actuators.simulation.SimulatedHypervisor;
import dev.ballast.collectors.cluster.ClusterSnapshot;
import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.HostState;
import dev.ballast.collectors.cluster.Resources;
import dev.ballast.collectors.cluster.Vm;
import dev.ballast.collectors.metrics.InMemoryMetricStore;
import dev.ballast.collectors.simulation.SimulatedCluster;
import dev.ballast.collectors.simulation.SimulatedClusterSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class PlanExecutorTest {
    private SimulatedCluster cluster;
    private SimulatedHypervisor hypervisor;
    private final List<StepOutcome> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        cluster = SimulatedCluster.generate(SimulatedClusterSpec.defaults().withSize(4, 8), new InMemoryMetricStore());
        hypervisor = new SimulatedHypervisor(cluster, 1024, 0);
    }

    static PlanExecutor sequential(HypervisorDriver driver) {
        return new PlanExecutor(driver, ExecutionLimits.sequential(), ExecutionJournal.NONE, Clock.systemUTC());
    }

    /** Moves every VM of a host elsewhere, as steps (round robin over the other hosts). */
    private List<PlanStep> evacuate(HostId host) {
        ClusterSnapshot now = cluster.snapshot();
        List<HostId> others = now.hosts().stream().map(h -> h.id()).filter(h -> !h.equals(host)).toList();
        List<PlanStep> steps = new ArrayList<>();
        List<Vm> resident = now.vmsOn(host);
        for (int i = 0; i < resident.size(); i++) {
            Vm vm = resident.get(i);
            steps.add(new LiveMigrate(vm.id(), host, others.get(i % others.size()), vm.size().memoryMib(), "evacuate " + host));
        }
        return steps;
    }

    private HostId busiestHost() {
        ClusterSnapshot now = cluster.snapshot();
        return now.hosts().stream().map(h -> h.id()).max((a, b) -> Integer.compare(now.vmsOn(a).size(), now.vmsOn(b).size())).orElseThrow();
    }

    @Test
    void runsAPlanInOrderAndLeavesTheClusterAsPlanned() {
        HostId host = busiestHost();
        List<PlanStep> steps = new ArrayList<>(evacuate(host));
        assertThat(steps).isNotEmpty();
        steps.add(new PowerOff(host, "empty"));
        steps.add(new PowerOn(host, "morning"));
        steps.add(new PowerOff(host, "night again"));

        ExecutionReport report = sequential(hypervisor).execute(new Plan("p-1", steps), events::add);

        assertThat(report.succeeded()).isTrue();
        assertThat(report.steps()).extracting(StepOutcome::status).containsOnly(StepStatus.SUCCEEDED);
        assertThat(cluster.snapshot().vmsOn(host)).isEmpty();
        assertThat(cluster.snapshot().host(host).orElseThrow().state()).isEqualTo(HostState.OFF);
        for (PlanStep s : steps) {
            if (s instanceof LiveMigrate m) {
                assertThat(cluster.snapshot().vm(m.vm()).orElseThrow().host()).isEqualTo(m.target());
            }
        }
        // each step: RUNNING then SUCCEEDED, in plan order
        assertThat(events).hasSize(2 * steps.size());
        for (int i = 0; i < steps.size(); i++) {
            assertThat(events.get(2 * i).index()).isEqualTo(i);
            assertThat(events.get(2 * i).status()).isEqualTo(StepStatus.RUNNING);
            assertThat(events.get(2 * i + 1).status()).isEqualTo(StepStatus.SUCCEEDED);
            assertThat(events.get(2 * i + 1).startedAt()).isNotNull();
            assertThat(events.get(2 * i + 1).finishedAt()).isAfterOrEqualTo(events.get(2 * i + 1).startedAt());
        }
    }

    @Test
    void skipsStepsWithNothingToDoAndGoesOn() {
        HostId host = busiestHost();
        List<PlanStep> evacuation = evacuate(host);
        LiveMigrate first = (LiveMigrate) evacuation.get(0);
        List<PlanStep> steps = List.of(first, first, new PowerOn(host, "already on"));

        ExecutionReport report = new PlanExecutor(hypervisor).execute(new Plan("p-2", steps), events::add);

        assertThat(report.steps()).extracting(StepOutcome::status)
                .containsExactly(StepStatus.SUCCEEDED, StepStatus.SKIPPED, StepStatus.SKIPPED);
        assertThat(report.steps().get(1).message()).contains(first.vm().value(), "already runs on", first.target().value());
        assertThat(report.succeeded()).isTrue();
    }

    @Test
    void aFailedPreconditionStopsThePlanAndLeavesTheRestNotStarted() {
        HostId host = busiestHost();
        List<PlanStep> evacuation = evacuate(host);
        LiveMigrate first = (LiveMigrate) evacuation.get(0);
        cluster.setState(first.target(), HostState.MAINTENANCE);
        List<PlanStep> steps = new ArrayList<>(List.of(new PowerOn(host, "already on"), first));
        steps.addAll(evacuation.subList(1, evacuation.size()));
        steps.add(new PowerOff(host, "empty"));
        ClusterSnapshot before = cluster.snapshot();

        ExecutionReport report = sequential(hypervisor).execute(new Plan("p-3", steps), events::add);

        assertThat(report.succeeded()).isFalse();
        assertThat(report.steps().get(0).status()).isEqualTo(StepStatus.SKIPPED);
        assertThat(report.steps().get(1).status()).isEqualTo(StepStatus.FAILED);
        assertThat(report.steps().get(1).message()).contains(first.target().value(), first.vm().value(), "MAINTENANCE");
        assertThat(report.steps().subList(2, steps.size())).extracting(StepOutcome::status).containsOnly(StepStatus.NOT_STARTED);
        assertThat(cluster.snapshot().placement()).isEqualTo(before.placement());
    }

    @Test
    void powerOffOfABusyHostFails() {
        HostId host = busiestHost();
        ExecutionReport report = new PlanExecutor(hypervisor).execute(new Plan("p-4", List.of(new PowerOff(host, "wrong"))), events::add);
        assertThat(report.steps().get(0).status()).isEqualTo(StepStatus.FAILED);
        assertThat(report.steps().get(0).message()).contains(host.value(), "still runs");
        assertThat(cluster.snapshot().host(host).orElseThrow().state()).isEqualTo(HostState.ON);
    }

    @Test
    void aDriverErrorFailsTheStepAndSaysWhereTheVmIs() {
        SimulatedClusterSpec d = SimulatedClusterSpec.defaults();
        cluster = SimulatedCluster.generate(new SimulatedClusterSpec(4, 8, 7, new Resources(24, 40 * 1024), d.hostPower(),
                d.interval(), d.start()), new InMemoryMetricStore());
        hypervisor = new SimulatedHypervisor(cluster, 1024, 0);
        HostId host = busiestHost();
        LiveMigrate first = (LiveMigrate) evacuate(host).get(0);
        // other migrations in flight reserve the target's memory until the simulated cluster refuses ours
        boolean full = false;
        for (Vm other : cluster.snapshot().vms()) {
            if (other.host().equals(first.target()) || other.id().equals(first.vm())) {
                continue;
            }
            try {
                cluster.beginMigration(other.id(), first.target());
            } catch (IllegalStateException refused) {
                full = true;
                break;
            }
        }
        assertThat(full).as("the target %s should have run out of memory", first.target()).isTrue();
        ExecutionReport report = new PlanExecutor(hypervisor).execute(new Plan("p-5", List.of(first, new PowerOff(host, "x"))), events::add);

        StepOutcome failed = report.steps().get(0);
        assertThat(failed.status()).isEqualTo(StepStatus.FAILED);
        assertThat(failed.message()).contains(first.vm().value(), first.target().value(), "failed", "MiB free", "runs on " + host);
        assertThat(report.steps().get(1).status()).isEqualTo(StepStatus.NOT_STARTED);
        assertThat(cluster.snapshot().vm(first.vm()).orElseThrow().host()).isEqualTo(host);
    }

    @Test
    void aDriverThatDoesNotDeliverFailsThePostCondition() {
        HostId host = busiestHost();
        LiveMigrate first = (LiveMigrate) evacuate(host).get(0);
        HypervisorDriver lying = new HypervisorDriver() {
            @Override public ClusterSnapshot observe() { return hypervisor.observe(); }
            @Override public void migrate(LiveMigrate step) { /* says yes, moves nothing */ }
            @Override public void powerOn(HostId h) { }
            @Override public void powerOff(HostId h) { }
        };
        ExecutionReport report = new PlanExecutor(lying).execute(
                new Plan("p-6", List.of(first, new PowerOff(host, "x"))), events::add);
        assertThat(report.steps().get(0).status()).isEqualTo(StepStatus.FAILED);
        assertThat(report.steps().get(0).message()).contains("post-condition", first.vm().value(), host.value(), first.target().value());
        assertThat(report.steps().get(1).status()).isEqualTo(StepStatus.NOT_STARTED);
    }

    @Test
    void cancelStopsBeforeTheNextStep() {
        HostId host = busiestHost();
        List<PlanStep> steps = evacuate(host);
        assertThat(steps.size()).isGreaterThanOrEqualTo(2);
        PlanExecutor executor = sequential(hypervisor);
        ExecutionReport report = executor.execute(new Plan("p-7", steps), outcome -> {
            events.add(outcome);
            if (outcome.index() == 0 && outcome.status() == StepStatus.RUNNING) {
                assertThat(executor.cancel()).isTrue();
            }
        });
        assertThat(report.steps().get(0).status()).isEqualTo(StepStatus.SUCCEEDED);
        assertThat(report.steps().subList(1, steps.size())).extracting(StepOutcome::status).containsOnly(StepStatus.CANCELLED);
        assertThat(cluster.snapshot().vmsOn(host)).hasSize(steps.size() - 1);
        assertThat(executor.cancel()).isFalse();
    }
}
