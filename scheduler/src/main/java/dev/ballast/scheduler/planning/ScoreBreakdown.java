package dev.ballast.scheduler.planning;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import dev.ballast.scheduler.planning.Justifications.CapacityExcess;
import dev.ballast.scheduler.planning.Justifications.HostPower;
import dev.ballast.scheduler.planning.Justifications.MigrationPrice;
import dev.ballast.scheduler.planning.Justifications.UnusableHostPlacement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** The total score, and each constraint's part of it, in {@link ConstraintIds#ALL} order. */
    Map<String, Part> parts(PlacementSolution solution) {
        ConstraintWeightOverrides<HardMediumSoftScore> weights = solution.getConstraintWeightOverrides();
        Map<String, Part> parts = new LinkedHashMap<>();
        try {
            for (String id : ConstraintIds.ALL) {
                Map<String, HardMediumSoftScore> only = new LinkedHashMap<>();
                for (String other : ConstraintIds.ALL) {
                    only.put(other, other.equals(id) ? weightOf(weights, id) : ZERO);
                }
                solution.setConstraintWeightOverrides(ConstraintWeightOverrides.of(only));
                HardMediumSoftScore score = solutionManager.update(solution);
                List<String> reasons = reasons(id, solution);
                parts.put(id, new Part(score, score.equals(ZERO) ? 0 : reasons.size(), reasons.stream().limit(REASONS_PER_CONSTRAINT).toList()));
            }
        } finally {
            solution.setConstraintWeightOverrides(weights);
            solutionManager.update(solution);
        }
        return parts;
    }

    private static HardMediumSoftScore weightOf(ConstraintWeightOverrides<HardMediumSoftScore> weights, String id) {
        HardMediumSoftScore w = weights.getConstraintWeight(id);
        return w == null ? HardMediumSoftScore.ONE_HARD : w;
    }

    private static List<String> reasons(String id, PlacementSolution s) {
        Map<PlanningHost, long[]> sums = new LinkedHashMap<>();
        for (PlacementHostSums.Entry e : PlacementHostSums.of(s)) {
            sums.put(e.host(), e.sums());
        }
        List<Object> found = new ArrayList<>();
        switch (id) {
            case ConstraintIds.CPU_CAPACITY -> sums.forEach((h, v) -> {
                if (v[1] > h.getCpuLimit()) {
                    found.add(new CapacityExcess(h.getId(), "cpu-millicores", v[1], h.getCpuLimit()));
                }
            });
            case ConstraintIds.MEMORY_CAPACITY -> sums.forEach((h, v) -> {
                if (v[3] > h.getMemoryLimit()) {
                    found.add(new CapacityExcess(h.getId(), "memory-mib", v[3], h.getMemoryLimit()));
                }
            });
            case ConstraintIds.VCPU_OVERCOMMIT -> sums.forEach((h, v) -> {
                if (v[2] > h.getVcpuLimit()) {
                    found.add(new CapacityExcess(h.getId(), "vcpu-millicores", v[2], h.getVcpuLimit()));
                }
            });
            case ConstraintIds.UNUSABLE_HOST -> s.getPlacements().stream().filter(p -> !p.getHost().isUsable())
                    .forEach(p -> found.add(new UnusableHostPlacement(p.getId(), p.getHost().getId(), p.getHost().getState().name())));
            case ConstraintIds.POWER -> sums.entrySet().stream().filter(e -> e.getValue()[0] > 0)
                    .sorted(Comparator.comparing((Map.Entry<PlanningHost, long[]> e) -> e.getValue()[0]))
                    .forEach(e -> found.add(new HostPower(e.getKey().getId(), e.getValue()[0], e.getKey().deciwattsAt(e.getValue()[1]) / 10.0)));
            case ConstraintIds.CPU_IMBALANCE, ConstraintIds.MEMORY_IMBALANCE -> {
                boolean cpu = id.equals(ConstraintIds.CPU_IMBALANCE);
                sums.entrySet().stream().filter(e -> e.getKey().isUsable())
                        .sorted(Comparator.comparingDouble((Map.Entry<PlanningHost, long[]> e) -> -utilization(e, cpu)))
                        .forEach(e -> found.add(e.getKey().getId() + (cpu ? " cpu " : " memory ") + Math.round(utilization(e, cpu) * 100) + " %"));
            }
            case ConstraintIds.MIGRATION_COST -> s.getPlacements().stream().filter(VmPlacement::isMoved)
                    .sorted(Comparator.comparingLong(p -> -p.getMemory()))
                    .forEach(p -> found.add(new MigrationPrice(p.getId(), p.getCurrentHost().getId(), p.getHost().getId(),
                            s.getMigrationCostModel().seconds(p.getMemory(), p.getDirtyRateMibPerSecond()))));
            default -> throw new IllegalStateException("no reasons for constraint " + id);
        }
        return found.stream().map(String::valueOf).toList();
    }

    private static double utilization(Map.Entry<PlanningHost, long[]> e, boolean cpu) {
        return cpu ? (double) e.getValue()[1] / e.getKey().getCpuCapacity() : (double) e.getValue()[4] / e.getKey().getMemoryCapacity();
    }
}
