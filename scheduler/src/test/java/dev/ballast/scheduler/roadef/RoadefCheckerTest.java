package dev.ballast.scheduler.roadef;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checker against the published figures: the original assignment of every instance is feasible and costs
 * exactly the published initial cost. All 18 instances parse and check in about 2 s, so all run by default.
 */
class RoadefCheckerTest {

    static Stream<String> instances() {
        return ReferenceCosts.all().keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("instances")
    void originalAssignmentIsFeasibleAndCostsThePublishedInitialCost(String name) {
        RoadefInstance instance = RoadefData.instance(name);

        CheckResult result = RoadefChecker.check(instance, instance.originalMachines());

        assertThat(result.firstViolations()).isEmpty();
        assertThat(result.feasible()).isTrue();
        assertThat(result.costs().total()).as(result.costs().toString()).isEqualTo(ReferenceCosts.of(name).initialCost());
        assertThat(result.costs().processMoveCost()).isZero();
        assertThat(result.costs().serviceMoveCost()).isZero();
        assertThat(result.costs().machineMoveCost()).isZero();
    }

    @Test
    void movingAProcessOntoASiblingsMachineIsAConflictAndPricesTheMove() {
        RoadefInstance instance = RoadefData.instance("a1_1");
        int[] assignment = instance.originalMachines().clone();
        int[] pair = twoProcessesOfOneService(instance);
        assignment[pair[0]] = assignment[pair[1]];

        CheckResult result = RoadefChecker.check(instance, assignment);

        assertThat(result.violationCounts().get(RoadefChecker.CONFLICT)).isPositive();
        assertThat(result.feasible()).isFalse();
        RoadefProcess moved = instance.processes().get(pair[0]);
        assertThat(result.costs().processMoveCost()).isEqualTo(moved.moveCost());
        assertThat(result.costs().serviceMoveCost()).isEqualTo(1);
        assertThat(result.costs().machineMoveCost())
                .isEqualTo(instance.machines().get(instance.originalMachines()[pair[0]]).moveCostTo(assignment[pair[0]]));
    }

    @Test
    void packingEverythingOnOneMachineBreaksCapacityAndTransientUsage() {
        RoadefInstance instance = RoadefData.instance("a1_1");
        int[] assignment = new int[instance.processCount()];
        Arrays.fill(assignment, 0);

        CheckResult result = RoadefChecker.check(instance, assignment);

        assertThat(result.violationCounts().get(RoadefChecker.CAPACITY)).isPositive();
        assertThat(result.violationCounts().get(RoadefChecker.CONFLICT)).isPositive();
        assertThat(result.costs().serviceMoveCost()).isPositive();
    }

    static int[] twoProcessesOfOneService(RoadefInstance instance) {
        int[] firstOfService = new int[instance.serviceCount()];
        Arrays.fill(firstOfService, -1);
        for (RoadefProcess process : instance.processes()) {
            int first = firstOfService[process.service()];
            if (first >= 0) {
                return new int[] {process.index(), first};
            }
            firstOfService[process.service()] = process.index();
        }
        throw new IllegalStateException(instance.name() + " has no service with two processes");
    }
}
