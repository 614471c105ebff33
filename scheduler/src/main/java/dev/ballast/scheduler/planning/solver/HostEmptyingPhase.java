package dev.ballast.scheduler.planning.solver;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;
import ai.timefold.solver.core.api.solver.phase.PhaseCommandContext;
import ai.timefold.solver.core.preview.api.domain.metamodel.PlanningVariableMetaModel;
import ai.timefold.solver.core.preview.api.move.Move;
import ai.timefold.solver.core.preview.api.move.builtin.Moves;
import dev.ballast.scheduler.planning.PlacementSolution;
import dev.ballast.scheduler.planning.PlanningHost;
import dev.ballast.scheduler.planning.VmPlacement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Consolidation by whole hosts, for goals that pay for power: the least full host is emptied into the fullest
 * hosts with room (best fit, largest VM first), and the result is kept only when Timefold's score improves. A
 * single-VM change move can rarely empty a host (each step out costs migration and balance and only the last one
 * saves the host's idle power), so local search alone needs minutes to do what this does in a pass. It repeats
 * passes until one empties nothing, then leaves the rest to local search.
 */
public final class HostEmptyingPhase implements PhaseCommand<PlacementSolution> {
    @Override
    public void changeWorkingSolution(PhaseCommandContext<PlacementSolution> context) {
        PlacementSolution solution = context.getWorkingSolution();
        if (!GoalShape.packs(solution) || solution.getPlacements().stream().anyMatch(p -> p.getHost() == null)) {
            return;
        }
        PlanningVariableMetaModel<PlacementSolution, VmPlacement, PlanningHost> variable = Variables.host(context);
        HostLoads loads = new HostLoads(solution);
        VmPlacement any = solution.getPlacements().getFirst();
        HardMediumSoftScore current = context.executeAndCalculateScore(Moves.change(variable, any, any.getHost()));
        boolean emptied = true;
        while (emptied && !context.isPhaseTerminated()) {
            emptied = false;
            List<Integer> sources = new ArrayList<>();
            for (int h = 0; h < loads.hosts.size(); h++) {
                if (!loads.vms.get(h).isEmpty() && loads.vms.get(h).stream().noneMatch(VmPlacement::isPinned)) {
                    sources.add(h);
                }
            }
            sources.sort(Comparator.comparingDouble(loads::fullness));
            for (int source : sources) {
                if (context.isPhaseTerminated()) {
                    return;
                }
                if (loads.vms.get(source).isEmpty()) {
                    continue;
                }
                List<int[]> plan = relocation(loads, source);
                if (plan == null) {
                    continue;
                }
                List<VmPlacement> leaving = new ArrayList<>(loads.vms.get(source));
                List<Move<PlacementSolution>> changes = new ArrayList<>();
                for (int[] step : plan) {
                    changes.add(Moves.change(variable, leaving.get(step[0]), loads.hosts.get(step[1])));
                }
                Move<PlacementSolution> move = Moves.compose(changes);
                HardMediumSoftScore score = context.executeTemporarilyAndCalculateScore(move);
                if (score.compareTo(current) > 0) {
                    context.execute(move);
                    current = score;
                    for (int[] step : plan) {
                        VmPlacement p = leaving.get(step[0]);
                        loads.remove(source, p);
                        loads.add(step[1], p);
                    }
                    emptied = true;
                }
            }
        }
    }

    /**
     * Where each VM of {@code source} goes (pairs of its index in the host's list and a destination), or null when
     * some VM fits on no other open, non-empty host. Loads are changed only tentatively and restored.
     */
    private static List<int[]> relocation(HostLoads loads, int source) {
        List<VmPlacement> leaving = loads.vms.get(source);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < leaving.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingLong((Integer i) -> -leaving.get(i).getMemory()));
        List<int[]> plan = new ArrayList<>();
        List<VmPlacement> placed = new ArrayList<>();
        try {
            for (int i : order) {
                VmPlacement p = leaving.get(i);
                int best = -1;
                double bestFullness = -1;
                for (int h = 0; h < loads.hosts.size(); h++) {
                    if (h == source || loads.vms.get(h).isEmpty() || !loads.isOpen(h) || !loads.fits(h, p)) {
                        continue;
                    }
                    double fullness = loads.fullness(h);
                    if (fullness > bestFullness) {
                        best = h;
                        bestFullness = fullness;
                    }
                }
                if (best < 0) {
                    return null;
                }
                plan.add(new int[]{i, best});
                loads.cpu[best] += p.getCpuDemand();
                loads.memory[best] += p.getMemory();
                loads.vcpus[best] += p.getVcpus();
                placed.add(p);
            }
            return plan;
        } finally {
            for (int k = 0; k < placed.size(); k++) {
                int h = plan.get(k)[1];
                VmPlacement p = placed.get(k);
                loads.cpu[h] -= p.getCpuDemand();
                loads.memory[h] -= p.getMemory();
                loads.vcpus[h] -= p.getVcpus();
            }
        }
    }
}
