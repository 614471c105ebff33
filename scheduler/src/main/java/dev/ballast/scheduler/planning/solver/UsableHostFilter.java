package dev.ballast.scheduler.planning.solver;

import ai.timefold.solver.core.impl.heuristic.selector.common.decorator.SelectionFilter;
import ai.timefold.solver.core.impl.score.director.ScoreDirector;
import dev.ballast.scheduler.planning.PlacementSolution;
import dev.ballast.scheduler.planning.PlanningHost;

/** Local search only proposes hosts that may hold VMs: drained, maintenance and forbidden off hosts never are. */
public final class UsableHostFilter implements SelectionFilter<PlacementSolution, PlanningHost> {
    @Override
    public boolean accept(ScoreDirector<PlacementSolution> scoreDirector, PlanningHost host) {
        return host.isUsable();
    }
}
