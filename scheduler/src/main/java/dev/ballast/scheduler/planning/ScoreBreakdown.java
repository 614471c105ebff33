package dev.ballast.scheduler.planning;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import dev.ballast.predictors.hotspot.Skewness;
import dev.ballast.scheduler.planning.Justifications.CapacityExcess;
import dev.ballast.scheduler.planning.Justifications.HostPower;
import dev.ballast.scheduler.planning.Justifications.MigrationPrice;
import dev.ballast.scheduler.planning.Justifications.Note;
import dev.ballast.scheduler.planning.Justifications.OverBudget;
import dev.ballast.scheduler.planning.Justifications.RuleBreach;
import dev.ballast.scheduler.planning.Justifications.SpareShortfall;
import dev.ballast.scheduler.planning.Justifications.UnusableHostPlacement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Splits a placement's score into its constraints and says why each matched. Timefold 2.x reserves
 * {@code SolutionManager.analyze} for its commercial edition, so each constraint's part is computed by Timefold's
 * own score calculation ({@code SolutionManager.update}) with every other constraint's weight set to zero; the
 * reasons are read off the placement with the same arithmetic as the constraints.
 */
final class ScoreBreakdown {
    private static final int REASONS_PER_CONSTRAINT = 5;
    private static final HardMediumSoftScore ZERO = HardMediumSoftScore.ZERO;

    private final SolutionManager<PlacementSolution, HardMediumSoftScore> solutionManager;

    ScoreBreakdown(SolutionManager<PlacementSolution, HardMediumSoftScore> solutionManager) {
        this.solutionManager = solutionManager;
    }

    record Part(HardMediumSoftScore score, int matches, List<String> reasons) {
    }

    /** Each constraint's part of the score, in {@link ConstraintIds#ALL} order; leaves the solution's score set. */
    Map<String, Part> parts(PlacementSolution solution) {
        ConstraintWeightOverrides<HardMediumSoftScore> weights = solution.getConstraintWeightOverrides();
        Map<String, Part> found = new LinkedHashMap<>();
        try {
            List<String> weighted = new ArrayList<>();
            for (String id : ConstraintIds.ALL) {
                HardMediumSoftScore weight = weights.getConstraintWeight(id);
                if (weight == null || weight.equals(ZERO)) {
                    found.put(id, new Part(ZERO, 0, List.of()));
                } else {
                    weighted.add(id);
                }
            }
            // Every constraint penalizes with non-negative weights, so a group that scores zero has every member at
            // zero: one score calculation settles all the hard constraints of a feasible plan, and so on. Each
            // calculation is a full one (seconds at 50,000 VMs), so this halves the breakdown's cost.
            partsOf(ConstraintIds.HARD.stream().filter(weighted::contains).toList(), solution, weights, found);
            partsOf(ConstraintIds.MEDIUM.stream().filter(weighted::contains).toList(), solution, weights, found);
            partsOf(ConstraintIds.SOFT.stream().filter(weighted::contains).toList(), solution, weights, found);
        } finally {
            solution.setConstraintWeightOverrides(weights);
            solutionManager.update(solution);
        }
        Map<String, Part> parts = new LinkedHashMap<>();
        ConstraintIds.ALL.forEach(id -> parts.put(id, found.get(id)));
        return parts;
    }

    /** Scores the group with only its constraints weighted; when non-zero, splits it until each part is known. */
    private void partsOf(List<String> group, PlacementSolution solution, ConstraintWeightOverrides<HardMediumSoftScore> weights,
                         Map<String, Part> found) {
        if (group.isEmpty()) {
            return;
        }
        HardMediumSoftScore score = scoreWithOnly(group, solution, weights);
        if (score.equals(ZERO)) {
            group.forEach(id -> found.put(id, new Part(ZERO, 0, List.of())));
            return;
        }
        if (group.size() == 1) {
            String id = group.getFirst();
            List<String> reasons = reasons(id, solution);
            found.put(id, new Part(score, reasons.size(), reasons.stream().limit(REASONS_PER_CONSTRAINT).toList()));
            return;
        }
        int half = group.size() / 2;
        partsOf(group.subList(0, half), solution, weights, found);
        partsOf(group.subList(half, group.size()), solution, weights, found);
    }

    private HardMediumSoftScore scoreWithOnly(List<String> group, PlacementSolution solution,
                                              ConstraintWeightOverrides<HardMediumSoftScore> weights) {
        Map<String, HardMediumSoftScore> only = new LinkedHashMap<>();
        ConstraintIds.ALL.forEach(other -> only.put(other, group.contains(other) ? weights.getConstraintWeight(other) : ZERO));
        solution.setConstraintWeightOverrides(ConstraintWeightOverrides.of(only));
        return solutionManager.update(solution);
    }

    private static List<String> reasons(String id, PlacementSolution s) {
        List<PlacementHostSums.Entry> sums = PlacementHostSums.of(s);
        // New VMs of a what-if are unplaced while the current placement is scored.
        List<VmPlacement> placed = s.getPlacements().stream().filter(p -> p.getHost() != null).toList();
        List<Object> found = new ArrayList<>();
        switch (id) {
            case ConstraintIds.CPU_CAPACITY -> sums.stream().filter(e -> e.sums()[1] > e.host().getCpuLimit())
                    .forEach(e -> found.add(new CapacityExcess(e.host().getId(), "cpu-millicores", e.sums()[1], e.host().getCpuLimit())));
            case ConstraintIds.MEMORY_CAPACITY -> sums.stream().filter(e -> e.sums()[3] > e.host().getMemoryLimit())
                    .forEach(e -> found.add(new CapacityExcess(e.host().getId(), "memory-mib", e.sums()[3], e.host().getMemoryLimit())));
            case ConstraintIds.VCPU_OVERCOMMIT -> sums.stream().filter(e -> e.sums()[2] > e.host().getVcpuLimit())
                    .forEach(e -> found.add(new CapacityExcess(e.host().getId(), "vcpu-millicores", e.sums()[2], e.host().getVcpuLimit())));
            case ConstraintIds.UNUSABLE_HOST -> placed.stream().filter(p -> !p.getHost().isUsable())
                    .forEach(p -> found.add(new UnusableHostPlacement(p.getId(), p.getHost().getId(),
                            p.getHost().isDraining() ? "being drained" : p.getHost().getState().name())));
            case ConstraintIds.ANTI_AFFINITY, ConstraintIds.SOFT_ANTI_AFFINITY -> {
                boolean hard = id.equals(ConstraintIds.ANTI_AFFINITY);
                for (PlanningAffinityGroup g : s.getAffinityGroups()) {
                    if (g.isAnti() && g.isHard() == hard) {
                        Map<String, Long> perHost = placed.stream().filter(g::contains)
                                .collect(Collectors.groupingBy(p -> p.getHost().getId(), java.util.TreeMap::new, Collectors.counting()));
                        perHost.forEach((host, n) -> {
                            if (n > 1) {
                                found.add(new RuleBreach(g.name(), n + " VMs share " + host));
                            }
                        });
                    }
                }
            }
            case ConstraintIds.AFFINITY, ConstraintIds.SOFT_AFFINITY -> {
                boolean hard = id.equals(ConstraintIds.AFFINITY);
                for (PlanningAffinityGroup g : s.getAffinityGroups()) {
                    if (!g.isAnti() && g.isHard() == hard) {
                        Set<String> hosts = placed.stream().filter(g::contains).map(p -> p.getHost().getId())
                                .collect(Collectors.toCollection(java.util.TreeSet::new));
                        if (hosts.size() > 1) {
                            found.add(new RuleBreach(g.name(), "its VMs are spread over " + hosts));
                        }
                    }
                }
            }
            case ConstraintIds.HOST_RULE, ConstraintIds.SOFT_HOST_RULE -> {
                boolean hard = id.equals(ConstraintIds.HOST_RULE);
                for (PlanningHostRule r : s.getHostRules()) {
                    if (r.isHard() == hard) {
                        placed.stream().filter(p -> r.appliesTo(p) && r.brokenBy(p.getHost()))
                                .forEach(p -> found.add(new RuleBreach(r.name(), p.getId() + " on " + p.getHost().getId()
                                        + (r.kind() == HostRule.Kind.MUST ? " lacks " : " has ") + r.labelKey() + "=" + r.labelValue())));
                    }
                }
            }
            case ConstraintIds.SPARE_CAPACITY -> {
                long freeCpu = 0;
                long freeMemory = 0;
                long largestCpu = 0;
                long largestMemory = 0;
                for (PlacementHostSums.Entry e : sums) {
                    if (e.sums()[0] > 0) {
                        freeCpu += e.host().getCpuLimit() - e.sums()[1];
                        freeMemory += e.host().getMemoryLimit() - e.sums()[3];
                        largestCpu = Math.max(largestCpu, e.host().getCpuLimit());
                        largestMemory = Math.max(largestMemory, e.host().getMemoryLimit());
                    }
                }
                int n = s.getLimits().spareHosts();
                if (freeMemory < n * largestMemory) {
                    found.add(new SpareShortfall("memory-mib", freeMemory, n * largestMemory));
                }
                if (freeCpu < n * largestCpu) {
                    found.add(new SpareShortfall("cpu-millicores", freeCpu, n * largestCpu));
                }
            }
            case ConstraintIds.MIGRATION_COUNT_BUDGET -> found.add(new OverBudget("migrations",
                    placed.stream().filter(VmPlacement::isMoved).count(), s.getLimits().maxMigrations()));
            case ConstraintIds.MIGRATION_MEMORY_BUDGET -> found.add(new OverBudget("memory to migrate (MiB)",
                    placed.stream().filter(VmPlacement::isMoved).mapToLong(VmPlacement::getMemory).sum(),
                    s.getLimits().maxMigrationMemoryMib()));
            case ConstraintIds.POWER -> sums.stream().filter(e -> e.sums()[0] > 0)
                    .sorted(Comparator.comparingLong(e -> e.sums()[0]))
                    .forEach(e -> found.add(new HostPower(e.host().getId(), e.sums()[0], e.host().deciwattsAt(e.sums()[1]) / 10.0)));
            case ConstraintIds.POWER_ON -> sums.stream().filter(e -> e.sums()[0] > 0 && e.host().needsPowerOn())
                    .forEach(e -> found.add(new Note("powers on " + e.host().getId())));
            case ConstraintIds.CPU_IMBALANCE, ConstraintIds.MEMORY_IMBALANCE -> {
                boolean cpu = id.equals(ConstraintIds.CPU_IMBALANCE);
                sums.stream().filter(e -> e.host().isUsable())
                        .sorted(Comparator.comparingDouble(e -> -utilization(e, cpu)))
                        .forEach(e -> found.add(e.host().getId() + (cpu ? " cpu " : " memory ") + Math.round(utilization(e, cpu) * 100) + " %"));
            }
            case ConstraintIds.SKEWNESS -> sums.stream().filter(e -> e.sums()[0] > 0)
                    .sorted(Comparator.comparingDouble(e -> -skewness(e)))
                    .forEach(e -> found.add(new Note(e.host().getId() + " skewness " + Math.round(skewness(e) * 1000) / 1000.0)));
            case ConstraintIds.MIGRATION_COST -> placed.stream().filter(VmPlacement::isMoved)
                    .sorted(Comparator.comparingLong(p -> -p.getMemory()))
                    .forEach(p -> found.add(new MigrationPrice(p.getId(), p.getCurrentHost().getId(), p.getHost().getId(),
                            s.getMigrationCostModel().seconds(p.getMemory(), p.getDirtyRateMibPerSecond()))));
            case ConstraintIds.COOLDOWN -> placed.stream().filter(p -> p.isMoved() && p.isRecentlyMoved())
                    .forEach(p -> found.add(new Note(p.getId() + " moved within its cooldown and would move again")));
            case ConstraintIds.FAILURE_DOMAIN_SPREAD, ConstraintIds.DEPENDENCY_LOCALITY, ConstraintIds.BALANCE_TARGET,
                 ConstraintIds.SAFETY_CAPACITY, ConstraintIds.HOST_PAIR_MOVE_COST, ConstraintIds.SERVICE_MOVE_COST ->
                    found.addAll(PolicyReasons.of(id, s, sums, placed));
            default -> throw new IllegalStateException("no reasons for constraint " + id);
        }
        return found.stream().map(String::valueOf).toList();
    }

    private static double utilization(PlacementHostSums.Entry e, boolean cpu) {
        return cpu ? (double) e.sums()[1] / e.host().getCpuCapacity() : (double) e.sums()[4] / e.host().getMemoryCapacity();
    }

    private static double skewness(PlacementHostSums.Entry e) {
        return Skewness.of((double) e.sums()[1] / e.host().getCpuCapacity(), (double) e.sums()[4] / e.host().getMemoryCapacity());
    }
}
