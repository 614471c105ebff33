package dev.ballast.scheduler.roadef;

import ai.timefold.solver.core.api.score.HardSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintCollectors;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.Joiners;

/**
 * The challenge as constraint streams, one method per constraint: the readable statement of the model, and an
 * alternative to {@link MachineReassignmentScoreCalculator} (docs/roadef.md compares their speed). Hard penalties
 * count as {@link RoadefChecker} does, except capacity and transient usage (the amount over capacity) and spread
 * (the locations missing); soft penalties are the challenge's weighted cost.
 */
public final class MachineReassignmentConstraints implements ConstraintProvider {

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
                capacity(factory),
                transientUsage(factory),
                conflict(factory),
                spread(factory),
                dependency(factory),
                loadAndBalanceCost(factory),
                processMoveCost(factory),
                serviceMoveCost(factory),
                machineMoveCost(factory)
        };
    }

    /** A machine's processes fit in its capacity, resource by resource. */
    Constraint capacity(ConstraintFactory factory) {
        return factory.forEach(ProcessAssignment.class)
                .groupBy(ProcessAssignment::getMachine, ResourceUsage.sumOf(ProcessAssignment::getProcess))
                .penalize(HardSoftScore.ONE_HARD, (machine, usage) -> usage.overflow(machine))
                .asConstraint(RoadefChecker.CAPACITY);
    }

    /** A process that moved still holds its transient resources (e.g. disk) on its original machine. */
    Constraint transientUsage(ConstraintFactory factory) {
        return factory.forEach(ProcessAssignment.class)
                .flattenLast(ProcessAssignment::transientHolds)
                .groupBy(TransientHold::machine, ResourceUsage.sumOf(TransientHold::process))
                .join(CostModel.class)
                .penalize(HardSoftScore.ONE_HARD, (machine, held, costs) -> costs.transientOverflow(machine, held))
                .asConstraint(RoadefChecker.TRANSIENT);
    }

    /** Anti-affinity: two processes of one service never share a machine. */
    Constraint conflict(ConstraintFactory factory) {
        return factory.forEach(ProcessAssignment.class)
                .groupBy(ProcessAssignment::getService, ProcessAssignment::getMachine, ConstraintCollectors.count())
                .filter((service, machine, count) -> count > 1)
                .penalize(HardSoftScore.ONE_HARD, (service, machine, count) -> count - 1)
                .asConstraint(RoadefChecker.CONFLICT);
    }

    /** Failure-domain spread: a service's processes span at least its spread-min locations. */
    Constraint spread(ConstraintFactory factory) {
        return factory.forEach(ProcessAssignment.class)
                .groupBy(ProcessAssignment::getService, ConstraintCollectors.countDistinct(ProcessAssignment::location))
                .filter((service, locations) -> locations < service.spreadMin())
                .penalize(HardSoftScore.ONE_HARD, (service, locations) -> service.spreadMin() - locations)
                .asConstraint(RoadefChecker.SPREAD);
    }

    /** Dependency locality: each process finds every service its service depends on in its own neighborhood. */
    Constraint dependency(ConstraintFactory factory) {
        return factory.forEach(ServiceDependency.class)
                .join(ProcessAssignment.class, Joiners.equal(ServiceDependency::dependent, ProcessAssignment::getService))
                .ifNotExists(ProcessAssignment.class,
                        Joiners.equal((dependency, process) -> dependency.dependency(), ProcessAssignment::getService),
                        Joiners.equal((dependency, process) -> process.neighborhood(), ProcessAssignment::neighborhood))
                .penalize(HardSoftScore.ONE_HARD)
                .asConstraint(RoadefChecker.DEPENDENCY);
    }

    /** Usage above safety capacity, and balance targets between two resources' free capacity, empty machines too. */
    Constraint loadAndBalanceCost(ConstraintFactory factory) {
        return factory.forEach(ProcessAssignment.class)
                .groupBy(ProcessAssignment::getMachine, ResourceUsage.sumOf(ProcessAssignment::getProcess))
                .complement(RoadefMachine.class, ResourceUsage::none)
                .join(CostModel.class)
                .penalize(HardSoftScore.ONE_SOFT,
                        (machine, usage, costs) -> costs.loadCost(machine, usage) + costs.balanceCost(machine, usage))
                .asConstraint("load and balance cost");
    }

    Constraint processMoveCost(ConstraintFactory factory) {
        return factory.forEach(ProcessAssignment.class)
                .filter(ProcessAssignment::isMoved)
                .join(CostModel.class)
                .penalize(HardSoftScore.ONE_SOFT, (process, costs) -> costs.weights().processMove() * process.getProcess().moveCost())
                .asConstraint("process move cost");
    }

    /** The most moved processes of any one service (a service should not be churned all at once). */
    Constraint serviceMoveCost(ConstraintFactory factory) {
        return factory.forEach(ProcessAssignment.class)
                .filter(ProcessAssignment::isMoved)
                .groupBy(ProcessAssignment::getService, ConstraintCollectors.count())
                .groupBy(ConstraintCollectors.max((RoadefService service, Long moved) -> moved))
                .join(CostModel.class)
                .penalize(HardSoftScore.ONE_SOFT, (maxMoved, costs) -> costs.weights().serviceMove() * maxMoved)
                .asConstraint("service move cost");
    }

    /** The price of each move from its original machine to its new one (per machine pair). */
    Constraint machineMoveCost(ConstraintFactory factory) {
        return factory.forEach(ProcessAssignment.class)
                .filter(ProcessAssignment::isMoved)
                .join(CostModel.class)
                .penalize(HardSoftScore.ONE_SOFT, (process, costs) -> costs.weights().machineMove()
                        * process.getOriginalMachine().moveCostTo(process.getMachine().index()))
                .asConstraint("machine move cost");
    }
}
