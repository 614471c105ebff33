package dev.ballast.scheduler.roadef;

import ai.timefold.solver.core.api.score.HardSoftScore;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.heuristic.selector.move.MoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.RuinRecreateMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.SwapMoveSelectorConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import ai.timefold.solver.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import ai.timefold.solver.core.config.score.director.ScoreDirectorFactoryConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.impl.solver.DefaultSolver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Solves a challenge instance with Timefold (community edition), warm-started from the original assignment: no
 * construction heuristic, only local search with late acceptance over change and swap moves and, by default,
 * targeted chained shifts ({@link ChainedShiftMoves}) and repacks, a fast ruin-and-recreate ({@link RepackMoves}).
 */
public final class RoadefSolver {

    /**
     * @param lateAcceptanceSize steps a candidate's score is compared back to
     * @param acceptedCountLimit candidate moves accepted before a step is taken (1: the first accepted one)
     */
    public record Settings(Duration timeLimit, long randomSeed, int lateAcceptanceSize, int entityTabuSize,
                           int acceptedCountLimit, double ruinRecreateWeight, double chainedShiftWeight,
                           double repackWeight, EnvironmentMode environmentMode, ScoreModel scoreModel) {
        public Settings {
            if (timeLimit.isNegative() || timeLimit.isZero()) {
                throw new IllegalArgumentException("time limit must be positive, was " + timeLimit);
            }
            if (lateAcceptanceSize < 0 || entityTabuSize < 0 || lateAcceptanceSize + entityTabuSize == 0 || acceptedCountLimit < 1) {
                throw new IllegalArgumentException("need a late acceptance size or an entity tabu size (not negative, not both 0)"
                        + " and an accepted count limit of at least 1, were " + lateAcceptanceSize + ", " + entityTabuSize
                        + " and " + acceptedCountLimit);
            }
            if (ruinRecreateWeight < 0 || chainedShiftWeight < 0 || repackWeight < 0) {
                throw new IllegalArgumentException("move weights must not be negative, were ruin-and-recreate " + ruinRecreateWeight
                        + ", chained shift " + chainedShiftWeight + " and repack " + repackWeight);
            }
        }

        public static Settings of(Duration timeLimit) {
            return new Settings(timeLimit, 0, DEFAULT_LATE_ACCEPTANCE_SIZE, 0, DEFAULT_ACCEPTED_COUNT_LIMIT, 0,
                    DEFAULT_CHAINED_SHIFT_WEIGHT, DEFAULT_REPACK_WEIGHT, EnvironmentMode.PHASE_ASSERT, ScoreModel.INCREMENTAL);
        }

        public Settings withEnvironmentMode(EnvironmentMode mode) {
            return new Settings(timeLimit, randomSeed, lateAcceptanceSize, entityTabuSize, acceptedCountLimit, ruinRecreateWeight, chainedShiftWeight, repackWeight, mode, scoreModel);
        }

        public Settings withScoreModel(ScoreModel model) {
            return new Settings(timeLimit, randomSeed, lateAcceptanceSize, entityTabuSize, acceptedCountLimit, ruinRecreateWeight, chainedShiftWeight, repackWeight, environmentMode, model);
        }

        public Settings withChainedShiftWeight(double weight) {
            return new Settings(timeLimit, randomSeed, lateAcceptanceSize, entityTabuSize, acceptedCountLimit, ruinRecreateWeight, weight,
                    repackWeight, environmentMode, scoreModel);
        }

        public Settings withRepackWeight(double weight) {
            return new Settings(timeLimit, randomSeed, lateAcceptanceSize, entityTabuSize, acceptedCountLimit, ruinRecreateWeight,
                    chainedShiftWeight, weight, environmentMode, scoreModel);
        }
    }

    /** How the score is computed: the hand-written incremental calculator or the constraint streams. */
    public enum ScoreModel {
        INCREMENTAL, CONSTRAINT_STREAMS
    }

    // Measured on a1_2, a2_2, b_1, b_9 at 10 s (docs/roadef.md): a step takes the best of 500 accepted moves, because
    // every new best solution is cloned and on 50,000 processes cloning at every step dominated the run.
    public static final int DEFAULT_LATE_ACCEPTANCE_SIZE = 2000;
    public static final int DEFAULT_ACCEPTED_COUNT_LIMIT = 500;
    /** Weight of {@link ChainedShiftMoves} against 1.0 each for change and swap moves (0: off); measured in docs/roadef.md. */
    public static final double DEFAULT_CHAINED_SHIFT_WEIGHT = 2.0;
    /** Weight of {@link RepackMoves} against 1.0 each for change and swap moves (0: off); measured in docs/roadef.md. */
    public static final double DEFAULT_REPACK_WEIGHT = 1.0;

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
                .withScoreDirectorFactory(scoreDirector(settings.scoreModel()))
                .withEnvironmentMode(settings.environmentMode())
                .withRandomSeed(settings.randomSeed())
                .withTerminationSpentLimit(settings.timeLimit())
                .withPhases(new LocalSearchPhaseConfig()
                        .withMoveSelectorConfig(moves(settings))
                        .withAcceptorConfig(acceptor(settings))
                        .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(settings.acceptedCountLimit()))));
    }

    /**
     * Change and swap moves; optionally chained shifts ({@link ChainedShiftMoves}), repacks ({@link RepackMoves}) and
     * Timefold's ruin-and-recreate (a few processes taken out and put back by a construction heuristic: slow here).
     */
    private static UnionMoveSelectorConfig moves(Settings settings) {
        List<MoveSelectorConfig> moves = new ArrayList<>(List.of(
                new ChangeMoveSelectorConfig().withFixedProbabilityWeight(1.0),
                new SwapMoveSelectorConfig().withFixedProbabilityWeight(1.0)));
        if (settings.chainedShiftWeight() > 0) {
            moves.add(new MoveIteratorFactoryConfig().withMoveIteratorFactoryClass(ChainedShiftMoves.class)
                    .withFixedProbabilityWeight(settings.chainedShiftWeight()));
        }
        if (settings.repackWeight() > 0) {
            moves.add(new MoveIteratorFactoryConfig().withMoveIteratorFactoryClass(RepackMoves.class)
                    .withFixedProbabilityWeight(settings.repackWeight()));
        }
        if (settings.ruinRecreateWeight() > 0) {
            moves.add(new RuinRecreateMoveSelectorConfig().withMinimumRuinedCount(2).withMaximumRuinedCount(8)
                    .withFixedProbabilityWeight(settings.ruinRecreateWeight()));
        }
        return new UnionMoveSelectorConfig(moves);
    }

    private static LocalSearchAcceptorConfig acceptor(Settings settings) {
        LocalSearchAcceptorConfig acceptor = new LocalSearchAcceptorConfig();
        if (settings.lateAcceptanceSize() > 0) {
            acceptor.setLateAcceptanceSize(settings.lateAcceptanceSize());
        }
        if (settings.entityTabuSize() > 0) {
            acceptor.setEntityTabuSize(settings.entityTabuSize());
        }
        return acceptor;
    }

    private static ScoreDirectorFactoryConfig scoreDirector(ScoreModel model) {
        return switch (model) {
            case INCREMENTAL -> new ScoreDirectorFactoryConfig()
                    .withIncrementalScoreCalculatorClass(MachineReassignmentScoreCalculator.class);
            case CONSTRAINT_STREAMS -> new ScoreDirectorFactoryConfig()
                    .withConstraintProviderClass(MachineReassignmentConstraints.class);
        };
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
