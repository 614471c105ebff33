package dev.ballast.scheduler.planning.solver;

import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.SwapMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.value.ValueSelectorConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import dev.ballast.scheduler.planning.PlacementConstraints;
import dev.ballast.scheduler.planning.PlacementSolution;
import dev.ballast.scheduler.planning.VmPlacement;

import java.time.Duration;

/**
 * The solver configuration of the placement planner, in one place so that the planner and the placement benchmark
 * solve with exactly the same phases. {@link Tuning#TIMEFOLD_DEFAULTS} is Timefold's default (first-fit
 * construction, late acceptance over change and swap moves), kept to measure what the tuning buys.
 */
public final class PlacementSolverConfig {
    public enum Tuning {
        /** Timefold's defaults: first-fit construction, late acceptance over all change and swap moves. */
        TIMEFOLD_DEFAULTS,
        /**
         * Greedy construction of what must move, whole-host emptying when power costs, then local search over
         * change moves to usable hosts and swaps.
         */
        TUNED
    }

    private PlacementSolverConfig() {
    }

    /** The configuration for a tuning and a random seed; every solve overrides the termination. */
    public static SolverConfig create(Tuning tuning, long randomSeed) {
        SolverConfig config = new SolverConfig()
                .withSolutionClass(PlacementSolution.class)
                .withEntityClasses(VmPlacement.class)
                .withConstraintProviderClass(PlacementConstraints.class)
                .withRandomSeed(randomSeed)
                .withTerminationSpentLimit(Duration.ofSeconds(10));
        if (tuning == Tuning.TIMEFOLD_DEFAULTS) {
            return config;
        }
        return config.withPhases(
                new CustomPhaseConfig().withCustomPhaseCommandClassList(java.util.List.of(GreedyConstructionPhase.class)),
                // whatever the greedy pass could not place (rules, no room on open hosts) Timefold places by score
                new ConstructionHeuristicPhaseConfig(),
                new CustomPhaseConfig().withCustomPhaseCommandClassList(java.util.List.of(HostEmptyingPhase.class)),
                new LocalSearchPhaseConfig().withMoveSelectorConfig(new UnionMoveSelectorConfig().withMoveSelectors(
                        new ChangeMoveSelectorConfig().withValueSelectorConfig(new ValueSelectorConfig().withFilterClass(UsableHostFilter.class)),
                        new SwapMoveSelectorConfig())));
    }
}
