package dev.ballast.scheduler.roadef;

import ai.timefold.solver.core.api.score.HardSoftScore;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.SwapMoveSelectorConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import ai.timefold.solver.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import ai.timefold.solver.core.config.score.director.ScoreDirectorFactoryConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.impl.solver.DefaultSolver;

import java.time.Duration;
import java.util.List;

/**
 * Solves a challenge instance with Timefold (community edition), warm-started from the original assignment: no
 * construction heuristic, only local search over change and swap moves with late acceptance.
 */
public final class RoadefSolver {

    /**
     * @param lateAcceptanceSize steps a candidate's score is compared back to
     * @param acceptedCountLimit candidate moves accepted before a step is taken (1: the first accepted one)
     */
    public record Settings(Duration timeLimit, long randomSeed, int lateAcceptanceSize, int acceptedCountLimit,
                           EnvironmentMode environmentMode) {
        public Settings {
            if (timeLimit.isNegative() || timeLimit.isZero()) {
                throw new IllegalArgumentException("time limit must be positive, was " + timeLimit);
            }
            if (lateAcceptanceSize < 1 || acceptedCountLimit < 1) {
                throw new IllegalArgumentException("late acceptance size and accepted count limit must be at least 1, were "
                        + lateAcceptanceSize + " and " + acceptedCountLimit);
            }
        }

        public static Settings of(Duration timeLimit) {
            return new Settings(timeLimit, 0, 400, 1, EnvironmentMode.PHASE_ASSERT);
        }

        public Settings withEnvironmentMode(EnvironmentMode mode) {
            return new Settings(timeLimit, randomSeed, lateAcceptanceSize, acceptedCountLimit, mode);
        }
    }

    /** The best solution found; {@code moveEvaluationSpeed} is moves evaluated per second. */
    public record Outcome(int[] machineIndices, HardSoftScore score, long moveEvaluationSpeed, long moveEvaluationCount,
                          long millis) {
    }

    private final Settings settings;
    private final SolverFactory<MachineReassignment> solverFactory;

    public RoadefSolver(Settings settings) {
        this.settings = settings;
        this.solverFactory = SolverFactory.create(new SolverConfig()
                .withSolutionClass(MachineReassignment.class)
                .withEntityClasses(ProcessAssignment.class)
                .withScoreDirectorFactory(new ScoreDirectorFactoryConfig()
                        .withIncrementalScoreCalculatorClass(MachineReassignmentScoreCalculator.class))
                .withEnvironmentMode(settings.environmentMode())
                .withRandomSeed(settings.randomSeed())
                .withTerminationSpentLimit(settings.timeLimit())
                .withPhases(new LocalSearchPhaseConfig()
                        .withMoveSelectorConfig(new UnionMoveSelectorConfig(List.of(
                                new ChangeMoveSelectorConfig(), new SwapMoveSelectorConfig())))
                        .withAcceptorConfig(new LocalSearchAcceptorConfig().withLateAcceptanceSize(settings.lateAcceptanceSize()))
                        .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(settings.acceptedCountLimit()))));
    }

    public Outcome solve(RoadefInstance instance) {
        Solver<MachineReassignment> solver = solverFactory.buildSolver();
        long start = System.nanoTime();
        MachineReassignment best = solver.solve(MachineReassignment.startingFromOriginal(instance));
        long millis = (System.nanoTime() - start) / 1_000_000;
        DefaultSolver<MachineReassignment> defaultSolver = (DefaultSolver<MachineReassignment>) solver;
        return new Outcome(best.machineIndices(), best.getScore(), defaultSolver.getMoveEvaluationSpeed(),
                defaultSolver.getMoveEvaluationCount(), millis);
    }

    public Settings settings() {
        return settings;
    }
}
