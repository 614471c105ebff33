package dev.ballast.scheduler.planning.solver;

import ai.timefold.solver.core.api.solver.phase.PhaseCommand;
import ai.timefold.solver.core.api.solver.phase.PhaseCommandContext;
import ai.timefold.solver.core.preview.api.domain.metamodel.PlanningVariableMetaModel;
import ai.timefold.solver.core.preview.api.move.builtin.Moves;
import dev.ballast.scheduler.planning.PlacementSolution;
import dev.ballast.scheduler.planning.PlanningHost;
import dev.ballast.scheduler.planning.VmPlacement;

import java.util.Comparator;
import java.util.List;

/**
 * Places the VMs the warm start left unassigned (see RepairSeed) by arithmetic, largest first: on the fullest open
 * host where it fits when the goal packs (best fit), on the emptiest one otherwise (worst fit). Timefold's own
 * construction heuristic tries every host for every VM and scores each try, which at 1,000+ hosts takes seconds;
 * this takes milliseconds. A VM that fits nowhere is left for Timefold's construction heuristic, which follows.
 */
public final class GreedyConstructionPhase implements PhaseCommand<PlacementSolution> {
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
        for (VmPlacement p : unassigned) {
            if (context.isPhaseTerminated()) {
                return;
            }
            int chosen = choose(loads, p, packs, packs);
            if (chosen < 0 && packs) {
                chosen = choose(loads, p, true, false);
            }
            if (chosen >= 0) {
                context.execute(Moves.change(host, p, loads.hosts.get(chosen)));
                loads.add(chosen, p);
            }
        }
    }

    /** The fullest (packing) or emptiest open host where the VM fits, -1 if none; packing may skip empty hosts. */
    private static int choose(HostLoads loads, VmPlacement p, boolean packs, boolean skipEmpty) {
        int chosen = -1;
        double chosenFullness = 0;
        for (int h = 0; h < loads.hosts.size(); h++) {
            if (!loads.isOpen(h) || !loads.fits(h, p) || skipEmpty && loads.vms.get(h).isEmpty()) {
                continue;
            }
            double fullness = loads.fullness(h);
            if (chosen < 0 || (packs ? fullness > chosenFullness : fullness < chosenFullness)) {
                chosen = h;
                chosenFullness = fullness;
            }
        }
        return chosen;
    }
}
