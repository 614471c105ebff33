package dev.ballast.scheduler.planning;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.common.LoadBalance;
import dev.ballast.scheduler.planning.Justifications.CapacityExcess;
import dev.ballast.scheduler.planning.Justifications.HostPower;
import dev.ballast.scheduler.planning.Justifications.Imbalance;
import dev.ballast.scheduler.planning.Justifications.MigrationPrice;
import dev.ballast.scheduler.planning.Justifications.UnusableHostPlacement;

import java.math.RoundingMode;

import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.count;
import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.loadBalance;
import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.sum;

/**
 * Ballast's placement constraints, one method each. Penalties grow with the size of the violation. Default weights
 * are ones; each goal sets its own through {@link GoalWeights}.
 */
public final class PlacementConstraints implements ConstraintProvider {
    /** Loads in the balance constraints are utilization in basis points (1/100 of a percent). */
    private static final long BASIS_POINTS = 10_000;

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[]{
                cpuCapacity(factory),
                memoryCapacity(factory),
                vcpuOvercommit(factory),
                unusableHost(factory),
                power(factory),
                cpuImbalance(factory),
                memoryImbalance(factory),
                migrationCost(factory)
        };
    }

    Constraint cpuCapacity(ConstraintFactory factory) {
        return factory.forEach(VmPlacement.class)
                .groupBy(VmPlacement::getHost, sum(VmPlacement::getCpuDemand))
                .filter((host, cpu) -> cpu > host.getCpuLimit())
                .penalize(HardMediumSoftScore.ONE_HARD, (host, cpu) -> cpu - host.getCpuLimit())
                .justifyWith((host, cpu, score) -> new CapacityExcess(host.getId(), "cpu-millicores", cpu, host.getCpuLimit()))
                .asConstraint(ConstraintIds.CPU_CAPACITY);
    }

    Constraint memoryCapacity(ConstraintFactory factory) {
        return factory.forEach(VmPlacement.class)
                .groupBy(VmPlacement::getHost, sum(VmPlacement::getMemory))
                .filter((host, memory) -> memory > host.getMemoryLimit())
                .penalize(HardMediumSoftScore.ONE_HARD, (host, memory) -> memory - host.getMemoryLimit())
                .justifyWith((host, memory, score) -> new CapacityExcess(host.getId(), "memory-mib", memory, host.getMemoryLimit()))
                .asConstraint(ConstraintIds.MEMORY_CAPACITY);
    }

    Constraint vcpuOvercommit(ConstraintFactory factory) {
        return factory.forEach(VmPlacement.class)
                .groupBy(VmPlacement::getHost, sum(VmPlacement::getVcpus))
                .filter((host, vcpus) -> vcpus > host.getVcpuLimit())
                .penalize(HardMediumSoftScore.ONE_HARD, (host, vcpus) -> vcpus - host.getVcpuLimit())
                .justifyWith((host, vcpus, score) -> new CapacityExcess(host.getId(), "vcpu-millicores", vcpus, host.getVcpuLimit()))
                .asConstraint(ConstraintIds.VCPU_OVERCOMMIT);
    }

    /** Off and maintenance hosts hold nothing; the penalty is the memory that would have to live there. */
    Constraint unusableHost(ConstraintFactory factory) {
        return factory.forEach(VmPlacement.class)
                .filter(p -> !p.getHost().isUsable())
                .penalize(HardMediumSoftScore.ONE_HARD, VmPlacement::getMemory)
                .justifyWith((p, score) -> new UnusableHostPlacement(p.getId(), p.getHost().getId(), p.getHost().getState().name()))
                .asConstraint(ConstraintIds.UNUSABLE_HOST);
    }

    /** Every host that runs a VM stays on and draws power (deciwatts): idle plus what its CPU demand adds. */
    Constraint power(ConstraintFactory factory) {
        return factory.forEach(VmPlacement.class)
                .groupBy(VmPlacement::getHost, count(), sum(VmPlacement::getCpuDemand))
                .penalize(HardMediumSoftScore.ONE_SOFT, (host, vms, cpu) -> host.deciwattsAt(cpu))
                .justifyWith((host, vms, cpu, score) -> new HostPower(host.getId(), vms, host.deciwattsAt(cpu) / 10.0))
                .asConstraint(ConstraintIds.POWER);
    }

    /** Uneven CPU utilization over all usable hosts, empty ones included (Timefold's loadBalance with complement). */
    Constraint cpuImbalance(ConstraintFactory factory) {
        return factory.forEach(VmPlacement.class)
                .groupBy(VmPlacement::getHost, sum((VmPlacement p) -> p.getCpuDemand() * BASIS_POINTS / p.getHost().getCpuCapacity()))
                .complement(PlanningHost.class, host -> 0L)
                .filter((host, load) -> host.isUsable())
                .groupBy(loadBalance((host, load) -> host, (host, load) -> load))
                .penalize(HardMediumSoftScore.ONE_SOFT, balance -> unfairness(balance))
                .justifyWith((balance, score) -> new Imbalance("cpu", balance.unfairness()))
                .asConstraint(ConstraintIds.CPU_IMBALANCE);
    }

    Constraint memoryImbalance(ConstraintFactory factory) {
        return factory.forEach(VmPlacement.class)
                .groupBy(VmPlacement::getHost, sum((VmPlacement p) -> p.getMemoryDemand() * BASIS_POINTS / p.getHost().getMemoryCapacity()))
                .complement(PlanningHost.class, host -> 0L)
                .filter((host, load) -> host.isUsable())
                .groupBy(loadBalance((host, load) -> host, (host, load) -> load))
                .penalize(HardMediumSoftScore.ONE_SOFT, balance -> unfairness(balance))
                .justifyWith((balance, score) -> new Imbalance("memory", balance.unfairness()))
                .asConstraint(ConstraintIds.MEMORY_IMBALANCE);
    }

    /** Each moved VM costs its estimated live-migration time in deciseconds. */
    Constraint migrationCost(ConstraintFactory factory) {
        return factory.forEach(VmPlacement.class)
                .filter(VmPlacement::isMoved)
                .join(MigrationCostModel.class)
                .penalize(HardMediumSoftScore.ONE_SOFT, (p, model) -> model.deciseconds(p.getMemory(), p.getDirtyRateMibPerSecond()))
                .justifyWith((p, model, score) -> new MigrationPrice(p.getId(), p.getCurrentHost().getId(), p.getHost().getId(),
                        model.seconds(p.getMemory(), p.getDirtyRateMibPerSecond())))
                .asConstraint(ConstraintIds.MIGRATION_COST);
    }

    private static long unfairness(LoadBalance<?> balance) {
        return balance.unfairness().setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
