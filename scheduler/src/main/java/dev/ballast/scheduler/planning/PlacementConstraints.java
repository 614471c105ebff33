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
import dev.ballast.scheduler.planning.Justifications.Note;
import dev.ballast.scheduler.planning.Justifications.OverBudget;
import dev.ballast.scheduler.planning.Justifications.RuleBreach;
import dev.ballast.scheduler.planning.Justifications.SpareShortfall;
import dev.ballast.scheduler.planning.Justifications.UnusableHostPlacement;
import ai.timefold.solver.core.api.score.stream.ConstraintCollectors;
import ai.timefold.solver.core.api.score.stream.Joiners;
import ai.timefold.solver.core.api.score.stream.bi.BiConstraintStream;
import ai.timefold.solver.core.api.score.stream.tri.TriConstraintStream;
import dev.ballast.predictors.hotspot.Skewness;

import java.math.RoundingMode;
import java.util.function.Function;

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
                antiAffinity(factory),
                affinity(factory),
                hostRule(factory),
                spareCapacity(factory),
                migrationCountBudget(factory),
                migrationMemoryBudget(factory),
                power(factory),
                powerOn(factory),
                cpuImbalance(factory),
                memoryImbalance(factory),
                skewness(factory),
                migrationCost(factory),
                cooldown(factory),
                softAntiAffinity(factory),
                softAffinity(factory),
                softHostRule(factory),
                failureDomainSpread(factory),
                dependencyLocality(factory),
                balanceTarget(factory),
                safetyCapacity(factory),
                hostPairMoveCost(factory),
                serviceMoveCost(factory)
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

    /**
     * Hosts in maintenance or being drained hold nothing, nor off hosts unless the plan may power them on; the
     * penalty is the memory that would have to live there.
     */
    Constraint unusableHost(ConstraintFactory factory) {
        return factory.forEach(VmPlacement.class)
                .filter(p -> !p.getHost().isUsable())
                .penalize(HardMediumSoftScore.ONE_HARD, VmPlacement::getMemory)
                .justifyWith((p, score) -> new UnusableHostPlacement(p.getId(), p.getHost().getId(),
                        p.getHost().isDraining() ? "being drained" : p.getHost().getState().name()))
                .asConstraint(ConstraintIds.UNUSABLE_HOST);
    }

    Constraint antiAffinity(ConstraintFactory factory) {
        return sharedHosts(factory, RuleStrength.HARD).penalize(HardMediumSoftScore.ONE_HARD, (g, host, n) -> n - 1)
                .justifyWith((g, host, n, score) -> new RuleBreach(g.name(), n + " VMs share " + host.getId()))
                .asConstraint(ConstraintIds.ANTI_AFFINITY);
    }

    Constraint softAntiAffinity(ConstraintFactory factory) {
        return sharedHosts(factory, RuleStrength.SOFT).penalize(HardMediumSoftScore.ONE_SOFT, (g, host, n) -> n - 1)
                .justifyWith((g, host, n, score) -> new RuleBreach(g.name(), n + " VMs share " + host.getId()))
                .asConstraint(ConstraintIds.SOFT_ANTI_AFFINITY);
    }

    /** Per anti-affinity group and host, how many of the group's VMs run there (only where more than one). */
    private static TriConstraintStream<PlanningAffinityGroup, PlanningHost, Long> sharedHosts(ConstraintFactory factory, RuleStrength strength) {
        return factory.forEach(PlanningAffinityGroup.Member.class)
                .filter(m -> m.group().isAnti() && m.group().strength() == strength)
                .join(VmPlacement.class, Joiners.equal(PlanningAffinityGroup.Member::vmId, VmPlacement::getId))
                .groupBy((m, p) -> m.group(), (m, p) -> p.getHost(), ConstraintCollectors.countBi())
                .filter((g, host, n) -> n > 1);
    }

    Constraint affinity(ConstraintFactory factory) {
        return spreadGroups(factory, RuleStrength.HARD).penalize(HardMediumSoftScore.ONE_HARD, (g, hosts) -> hosts - 1)
                .justifyWith((g, hosts, score) -> new RuleBreach(g.name(), "its VMs are spread over " + hosts + " hosts"))
                .asConstraint(ConstraintIds.AFFINITY);
    }

    Constraint softAffinity(ConstraintFactory factory) {
        return spreadGroups(factory, RuleStrength.SOFT).penalize(HardMediumSoftScore.ONE_SOFT, (g, hosts) -> hosts - 1)
                .justifyWith((g, hosts, score) -> new RuleBreach(g.name(), "its VMs are spread over " + hosts + " hosts"))
                .asConstraint(ConstraintIds.SOFT_AFFINITY);
    }

    /** Per affinity group, over how many hosts its VMs are spread (only where more than one). */
    private static BiConstraintStream<PlanningAffinityGroup, Long> spreadGroups(ConstraintFactory factory, RuleStrength strength) {
        return factory.forEach(PlanningAffinityGroup.Member.class)
                .filter(m -> !m.group().isAnti() && m.group().strength() == strength)
                .join(VmPlacement.class, Joiners.equal(PlanningAffinityGroup.Member::vmId, VmPlacement::getId))
                .groupBy((m, p) -> m.group(), ConstraintCollectors.countDistinct((m, p) -> p.getHost()))
                .filter((g, hosts) -> hosts > 1);
    }

    Constraint hostRule(ConstraintFactory factory) {
        return brokenHostRules(factory, RuleStrength.HARD).penalize(HardMediumSoftScore.ONE_HARD)
                .justifyWith((p, r, score) -> new RuleBreach(r.name(), p.getId() + " on " + p.getHost().getId()
                        + (r.kind() == HostRule.Kind.MUST ? " lacks " : " has ") + r.labelKey() + "=" + r.labelValue()))
                .asConstraint(ConstraintIds.HOST_RULE);
    }

    Constraint softHostRule(ConstraintFactory factory) {
        return brokenHostRules(factory, RuleStrength.SOFT).penalize(HardMediumSoftScore.ONE_SOFT)
                .justifyWith((p, r, score) -> new RuleBreach(r.name(), p.getId() + " on " + p.getHost().getId()
                        + (r.kind() == HostRule.Kind.MUST ? " lacks " : " has ") + r.labelKey() + "=" + r.labelValue()))
                .asConstraint(ConstraintIds.SOFT_HOST_RULE);
    }

    private static BiConstraintStream<VmPlacement, PlanningHostRule> brokenHostRules(ConstraintFactory factory, RuleStrength strength) {
        return factory.forEach(VmPlacement.class)
                .join(PlanningHostRule.class, Joiners.filtering((p, r) -> r.strength() == strength && r.appliesTo(p) && r.brokenBy(p.getHost())));
    }

    /**
     * N+1: the hosts in use keep, summed over them, the free capacity of the N largest of them, so any N can fail and
     * their VMs restart elsewhere. The penalty is the shortfall in milli-cores plus MiB.
     */
    Constraint spareCapacity(ConstraintFactory factory) {
        return factory.forEach(VmPlacement.class)
                .groupBy(VmPlacement::getHost, sum(VmPlacement::getCpuDemand), sum(VmPlacement::getMemory))
                .groupBy(ConstraintCollectors.compose(
                        sum((PlanningHost h, Long cpu, Long memory) -> h.getCpuLimit() - cpu),
                        ConstraintCollectors.max((PlanningHost h, Long cpu, Long memory) -> h.getCpuLimit()),
                        sum((PlanningHost h, Long cpu, Long memory) -> h.getMemoryLimit() - memory),
                        ConstraintCollectors.max((PlanningHost h, Long cpu, Long memory) -> h.getMemoryLimit()),
                        SpareTotals::new))
                .join(PlanningLimits.class)
                .filter((t, limits) -> t.cpuShortfall(limits.spareHosts()) + t.memoryShortfall(limits.spareHosts()) > 0)
                .penalize(HardMediumSoftScore.ONE_HARD, (t, limits) -> t.cpuShortfall(limits.spareHosts()) + t.memoryShortfall(limits.spareHosts()))
                .justifyWith((t, limits, score) -> t.memoryShortfall(limits.spareHosts()) > 0
                        ? new SpareShortfall("memory-mib", t.freeMemory(), limits.spareHosts() * t.largestMemory())
                        : new SpareShortfall("cpu-millicores", t.freeCpu(), limits.spareHosts() * t.largestCpu()))
                .asConstraint(ConstraintIds.SPARE_CAPACITY);
    }

    Constraint migrationCountBudget(ConstraintFactory factory) {
        return factory.forEach(VmPlacement.class)
                .filter(VmPlacement::isMoved)
                .groupBy(ConstraintCollectors.count())
                .join(PlanningLimits.class)
                .filter((n, limits) -> n > limits.maxMigrations())
                .penalize(HardMediumSoftScore.ONE_MEDIUM, (n, limits) -> n - limits.maxMigrations())
                .justifyWith((n, limits, score) -> new OverBudget("migrations", n, limits.maxMigrations()))
                .asConstraint(ConstraintIds.MIGRATION_COUNT_BUDGET);
    }

    /** Memory to copy beyond the budget, in GiB (rounded up) so that it weighs like a few migrations. */
    Constraint migrationMemoryBudget(ConstraintFactory factory) {
        return factory.forEach(VmPlacement.class)
                .filter(VmPlacement::isMoved)
                .groupBy(sum(VmPlacement::getMemory))
                .join(PlanningLimits.class)
                .filter((memory, limits) -> memory > limits.maxMigrationMemoryMib())
                .penalize(HardMediumSoftScore.ONE_MEDIUM, (memory, limits) -> (memory - limits.maxMigrationMemoryMib() + 1023) / 1024)
                .justifyWith((memory, limits, score) -> new OverBudget("memory to migrate (MiB)", memory, limits.maxMigrationMemoryMib()))
                .asConstraint(ConstraintIds.MIGRATION_MEMORY_BUDGET);
    }

    /** Every host that runs a VM stays on and draws power (deciwatts): idle plus what its CPU demand adds. */
    Constraint power(ConstraintFactory factory) {
        return factory.forEach(VmPlacement.class)
                .groupBy(VmPlacement::getHost, count(), sum(VmPlacement::getCpuDemand))
                .penalize(HardMediumSoftScore.ONE_SOFT, (host, vms, cpu) -> host.deciwattsAt(cpu))
                .justifyWith((host, vms, cpu, score) -> new HostPower(host.getId(), vms, host.deciwattsAt(cpu) / 10.0))
                .asConstraint(ConstraintIds.POWER);
    }

    /** Waking a powered-off host costs (boot time, risk): one unit per host the plan powers on. */
    Constraint powerOn(ConstraintFactory factory) {
        return factory.forEach(VmPlacement.class)
                .filter(p -> p.getHost().needsPowerOn())
                .groupBy(VmPlacement::getHost)
                .penalize(HardMediumSoftScore.ONE_SOFT)
                .justifyWith((host, score) -> new Note("powers on " + host.getId()))
                .asConstraint(ConstraintIds.POWER_ON);
    }

    /**
     * Skewness of each host in use over CPU and memory (Xiao, Song, Chen 2013), in thousandths: a host full of
     * CPU-heavy VMs wastes its memory and the other way round.
     */
    Constraint skewness(ConstraintFactory factory) {
        return factory.forEach(VmPlacement.class)
                .groupBy(VmPlacement::getHost, sum(VmPlacement::getCpuDemand), sum(VmPlacement::getMemoryDemand))
                .penalize(HardMediumSoftScore.ONE_SOFT, (host, cpu, memory) -> skewnessMillis(host, cpu, memory))
                .justifyWith((host, cpu, memory, score) -> new Note(host.getId() + " skewness " + skewnessMillis(host, cpu, memory) / 1000.0))
                .asConstraint(ConstraintIds.SKEWNESS);
    }

    private static long skewnessMillis(PlanningHost host, long cpu, long memory) {
        return Math.round(1000 * Skewness.of((double) cpu / host.getCpuCapacity(), (double) memory / host.getMemoryCapacity()));
    }

    /** Moving again a VM that moved within the cooldown (anti-ping-pong): one unit per such VM. */
    Constraint cooldown(ConstraintFactory factory) {
        return factory.forEach(VmPlacement.class)
                .filter(p -> p.isMoved() && p.isRecentlyMoved())
                .penalize(HardMediumSoftScore.ONE_SOFT)
                .justifyWith((p, score) -> new Note(p.getId() + " moved within its cooldown and would move again"))
                .asConstraint(ConstraintIds.COOLDOWN);
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

    // The placement policies (ROADEF/EURO 2012 machine reassignment, see docs/roadef.md). Each starts from its own
    // facts, so with none in the problem nothing reaches the joins; the problem builder also sets the weight of a
    // policy without input to zero, which leaves the constraint out of Timefold's network altogether.

    /** An anti-affinity rule's VMs span fewer failure domains (label values) than asked: one per missing domain. */
    Constraint failureDomainSpread(ConstraintFactory factory) {
        return factory.forEach(PlanningSpread.Member.class)
                .join(VmPlacement.class, Joiners.equal(PlanningSpread.Member::vmId, VmPlacement::getId))
                .groupBy((m, p) -> m.spread(), ConstraintCollectors.toSet((PlanningSpread.Member m, VmPlacement p) -> m.spread().domainOf(p.getHost())))
                .filter((s, domains) -> s.shortfall(domains) > 0)
                .penalize(HardMediumSoftScore.ONE_HARD, (s, domains) -> s.shortfall(domains))
                .justifyWith((s, domains, score) -> new RuleBreach(s.group(), "its VMs span " + s.known(domains).size() + " "
                        + s.labelKey() + " value(s) " + s.known(domains) + ", at least " + s.minDomains() + " needed"))
                .asConstraint(ConstraintIds.FAILURE_DOMAIN_SPREAD);
    }

    /**
     * VMs of a dependent rule in a neighborhood where no VM of the rule they need runs: one per such VM. Both sides
     * are grouped by (dependency, neighborhood) and meet on an indexed key.
     */
    Constraint dependencyLocality(ConstraintFactory factory) {
        var served = factory.forEach(PlanningDependency.Member.class)
                .filter(PlanningDependency.Member::needed)
                .join(VmPlacement.class, Joiners.equal(PlanningDependency.Member::vmId, VmPlacement::getId))
                .groupBy((m, q) -> m.dependency().neighborhoodOf(q.getHost()));
        return factory.forEach(PlanningDependency.Member.class)
                .filter(m -> !m.needed())
                .join(VmPlacement.class, Joiners.equal(PlanningDependency.Member::vmId, VmPlacement::getId))
                .groupBy((m, p) -> m.dependency().neighborhoodOf(p.getHost()), ConstraintCollectors.countBi())
                .ifNotExists(served, Joiners.equal((hood, n) -> hood, Function.identity()))
                .penalize(HardMediumSoftScore.ONE_HARD, (hood, n) -> n.intValue())
                .justifyWith((hood, n, score) -> new RuleBreach(hood.dependency().group(), n + " VMs in " + hood + " with no VM of "
                        + hood.dependency().needs() + " there"))
                .asConstraint(ConstraintIds.DEPENDENCY_LOCALITY);
    }

    /** Per host in use and balance target, the weighted shortfall of free {@code against} for the free {@code free}. */
    Constraint balanceTarget(ConstraintFactory factory) {
        return factory.forEach(BalanceTarget.class)
                .join(hostUsage(factory))
                .filter((t, u) -> t.weight() > 0 && t.shortfall(u) > 0)
                .penalize(HardMediumSoftScore.ONE_SOFT, (t, u) -> t.weight() * t.shortfall(u))
                .justifyWith((t, u, score) -> new Note(t.describe(u)))
                .asConstraint(ConstraintIds.BALANCE_TARGET);
    }

    /** Per host and resource, the weighted use above the safety fraction of its capacity. */
    Constraint safetyCapacity(ConstraintFactory factory) {
        return factory.forEach(SafetyCapacity.class)
                .join(hostUsage(factory))
                .filter((c, u) -> c.weight() > 0 && c.excess(u) > 0)
                .penalize(HardMediumSoftScore.ONE_SOFT, (c, u) -> c.weight() * c.excess(u))
                .justifyWith((c, u, score) -> c.describe(u))
                .asConstraint(ConstraintIds.SAFETY_CAPACITY);
    }

    /** Per host in use, the CPU demand and allocated memory of its VMs, as one stream for the policies to join. */
    private static ai.timefold.solver.core.api.score.stream.uni.UniConstraintStream<HostUsage> hostUsage(ConstraintFactory factory) {
        return factory.forEach(VmPlacement.class)
                .groupBy(VmPlacement::getHost, sum(VmPlacement::getCpuDemand), sum(VmPlacement::getMemory))
                .map(HostUsage::new);
    }

    /** Each moved VM costs the table's entry for the label values of its current and planned host. */
    Constraint hostPairMoveCost(ConstraintFactory factory) {
        return factory.forEach(PlanningMoveCostTable.class)
                .join(VmPlacement.class, Joiners.filtering((t, p) -> t.costOf(p) > 0))
                .penalize(HardMediumSoftScore.ONE_SOFT, (t, p) -> t.costOf(p))
                .justifyWith((t, p, score) -> new Note(t.describe(p)))
                .asConstraint(ConstraintIds.HOST_PAIR_MOVE_COST);
    }

    /** The number of moved VMs of the service (named rule) with the most of them: churn concentrated on one service. */
    Constraint serviceMoveCost(ConstraintFactory factory) {
        return factory.forEach(PlanningServiceGroup.Member.class)
                .join(VmPlacement.class, Joiners.equal(PlanningServiceGroup.Member::vmId, VmPlacement::getId), Joiners.filtering((m, p) -> p.isMoved()))
                .groupBy((m, p) -> m.group(), ConstraintCollectors.countBi())
                .groupBy(ConstraintCollectors.max((PlanningServiceGroup g, Long n) -> new PlanningServiceGroup.Moves(g.name(), n),
                        PlanningServiceGroup.Moves::vms))
                .penalize(HardMediumSoftScore.ONE_SOFT, PlanningServiceGroup.Moves::vms)
                .justifyWith((m, score) -> new RuleBreach(m.group(), m.vms() + " of its VMs move, the most of any service"))
                .asConstraint(ConstraintIds.SERVICE_MOVE_COST);
    }

    private static long unfairness(LoadBalance<?> balance) {
        return balance.unfairness().setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
