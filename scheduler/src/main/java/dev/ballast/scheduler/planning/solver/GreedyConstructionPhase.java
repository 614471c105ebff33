package dev.ballast.scheduler.planning.solver;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;
import ai.timefold.solver.core.api.solver.phase.PhaseCommandContext;
import ai.timefold.solver.core.preview.api.domain.metamodel.PlanningVariableMetaModel;
import ai.timefold.solver.core.preview.api.move.builtin.Moves;
import dev.ballast.scheduler.planning.ConstraintIds;
import dev.ballast.scheduler.planning.PlacementSolution;
import dev.ballast.scheduler.planning.PlanningHost;
import dev.ballast.scheduler.planning.VmPlacement;

import java.util.Comparator;
import java.util.function.ToDoubleBiFunction;
import java.util.List;

/**
 * Places the VMs the warm start left unassigned (see RepairSeed), largest first. For each, the open hosts where it
 * fits are ranked by arithmetic (fullest first when the goal packs, otherwise by how little the goal's CPU and
 * memory imbalance grow) and Timefold scores only the best {@value #SHORTLIST}. Timefold's own construction heuristic
 * scores every host for every VM, which takes seconds at 1,000 hosts and half a minute at 5,000. A VM that fits on
 * no open host is left for Timefold's construction heuristic, which follows.
 */
public final class GreedyConstructionPhase implements PhaseCommand<PlacementSolution> {
    /** How many of the heuristic's best hosts Timefold scores for each VM. */
    static final int SHORTLIST = 8;

    @Override
    public void changeWorkingSolution(PhaseCommandContext<PlacementSolution> context) {
        PlacementSolution solution = context.getWorkingSolution();
        List<VmPlacement> unassigned = solution.getPlacements().stream().filter(p -> p.getHost() == null)
                .sorted(Comparator.comparingLong((VmPlacement p) -> -p.getMemory()).thenComparingLong(p -> -p.getCpuDemand())
                        .thenComparing(VmPlacement::getId))
                .toList();
        if (unassigned.isEmpty()) {
            return;
        }
        PlanningVariableMetaModel<PlacementSolution, VmPlacement, PlanningHost> host = Variables.host(context);
        HostLoads loads = new HostLoads(solution);
        boolean packs = GoalShape.packs(solution);
        double cpuWeight = GoalShape.softWeight(solution, ConstraintIds.CPU_IMBALANCE);
        double memoryWeight = GoalShape.softWeight(solution, ConstraintIds.MEMORY_IMBALANCE);
        for (VmPlacement p : unassigned) {
            if (context.isPhaseTerminated()) {
                return;
            }
            ToDoubleBiFunction<Integer, VmPlacement> cost = packs ? (h, vm) -> -loads.fullness(h)
                    : cpuWeight > 0 || memoryWeight > 0 ? (h, vm) -> loads.imbalanceGrowth(h, vm, cpuWeight, memoryWeight)
                    : (h, vm) -> loads.fullness(h);
            int[] candidates = shortlist(loads, p, cost, packs);
            if (candidates.length == 0 && packs) {
                candidates = shortlist(loads, p, cost, false);
            }
            int chosen = -1;
            HardMediumSoftScore chosenScore = null;
            for (int h : candidates) {
                // the heuristic ranks; Timefold's score decides among the few best (skewness, power curve, rules)
                HardMediumSoftScore score = context.executeTemporarilyAndCalculateScore(Moves.change(host, p, loads.hosts.get(h)));
                if (chosenScore == null || score.compareTo(chosenScore) > 0) {
                    chosen = h;
                    chosenScore = score;
                }
            }
            if (chosen >= 0) {
                context.execute(Moves.change(host, p, loads.hosts.get(chosen)));
                loads.add(chosen, p);
            }
        }
    }

    /**
     * The open hosts where the VM fits with the lowest cost, best first, at most {@link #SHORTLIST}; packing may skip
     * empty hosts (opening one is the last resort).
     */
    private static int[] shortlist(HostLoads loads, VmPlacement p, ToDoubleBiFunction<Integer, VmPlacement> cost, boolean skipEmpty) {
        int[] best = new int[SHORTLIST];
        double[] bestCost = new double[SHORTLIST];
        int n = 0;
        for (int h = 0; h < loads.hosts.size(); h++) {
            if (!loads.isOpen(h) || !loads.fits(h, p) || skipEmpty && loads.vms.get(h).isEmpty()) {
                continue;
            }
            double c = cost.applyAsDouble(h, p);
            if (n == SHORTLIST && c >= bestCost[n - 1]) {
                continue;
            }
            int i = n == SHORTLIST ? n - 1 : n++;
            while (i > 0 && bestCost[i - 1] > c) {
                best[i] = best[i - 1];
                bestCost[i] = bestCost[i - 1];
                i--;
            }
            best[i] = h;
            bestCost[i] = c;
        }
        return java.util.Arrays.copyOf(best, n);
    }
}
