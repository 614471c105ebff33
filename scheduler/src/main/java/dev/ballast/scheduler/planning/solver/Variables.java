package dev.ballast.scheduler.planning.solver;

import ai.timefold.solver.core.api.solver.phase.PhaseCommandContext;
import ai.timefold.solver.core.preview.api.domain.metamodel.PlanningVariableMetaModel;
import dev.ballast.scheduler.planning.PlacementSolution;
import dev.ballast.scheduler.planning.PlanningHost;
import dev.ballast.scheduler.planning.VmPlacement;

/** The planning variable the custom phases change: a VM's host. */
final class Variables {
    private Variables() {
    }

    static PlanningVariableMetaModel<PlacementSolution, VmPlacement, PlanningHost> host(PhaseCommandContext<PlacementSolution> context) {
        return context.getSolutionMetaModel().genuineEntity(VmPlacement.class).basicVariable("host", PlanningHost.class);
    }
}
