package dev.ballast.scheduler.planning.solver;

import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.api.solver.event.SolverEventListener;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import ai.timefold.solver.core.impl.solver.DefaultSolver;
import dev.ballast.scheduler.planning.PlacementSolution;
import dev.ballast.scheduler.planning.VmPlacement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Solves with one or more independent solvers, each with its own random seed, on copies of the problem in
 * parallel; the best final solution wins. Timefold's multithreaded incremental solving (moveThreadCount) is an
 * Enterprise feature; a portfolio is the community edition's way to use more cores. With one solver it solves on
 * the caller's thread and on the problem itself.
 */
public final class PortfolioSolver {
    private final List<SolverFactory<PlacementSolution>> factories = new ArrayList<>();
    private volatile long lastMoveEvaluationSpeed;

    /** @param solvers how many solvers race (1 = a plain solve); seeds are 0, 1, ... */
    public PortfolioSolver(PlacementSolverConfig.Tuning tuning, int solvers) {
        if (solvers < 1) {
            throw new IllegalArgumentException("a portfolio needs at least one solver, was " + solvers);
        }
        for (int i = 0; i < solvers; i++) {
            factories.add(SolverFactory.create(PlacementSolverConfig.create(tuning, i)));
        }
    }

    /** Moves evaluated per second in the last solve, summed over the portfolio's solvers (for the benchmark). */
    public long lastMoveEvaluationSpeed() {
        return lastMoveEvaluationSpeed;
    }

    public int size() {
        return factories.size();
    }

    /** The first factory (seed 0), for score calculations outside solving. */
    public SolverFactory<PlacementSolution> primaryFactory() {
        return factories.getFirst();
    }

    /**
     * Solves within the termination; {@code listener} (may be null) hears every solver's new best solutions, possibly
     * from several threads at once.
     */
    public PlacementSolution solve(PlacementSolution problem, TerminationConfig termination, SolverEventListener<PlacementSolution> listener) {
        if (factories.size() == 1) {
            Solver<PlacementSolution> solver = solver(0, termination, listener);
            PlacementSolution best = solver.solve(problem);
            lastMoveEvaluationSpeed = speedOf(solver);
            return best;
        }
        ExecutorService pool = Executors.newFixedThreadPool(factories.size(), r -> {
            Thread t = new Thread(r, "placement-portfolio");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<PlacementSolution>> runs = new ArrayList<>();
            List<Solver<PlacementSolution>> solvers = new ArrayList<>();
            for (int i = 0; i < factories.size(); i++) {
                Solver<PlacementSolution> solver = solver(i, termination, listener);
                solvers.add(solver);
                PlacementSolution copy = i == 0 ? problem : copyOf(problem);
                runs.add(pool.submit(() -> solver.solve(copy)));
            }
            List<PlacementSolution> results = new ArrayList<>();
            for (Future<PlacementSolution> run : runs) {
                results.add(run.get());
            }
            lastMoveEvaluationSpeed = solvers.stream().mapToLong(PortfolioSolver::speedOf).sum();
            return results.stream().max(Comparator.comparing(PlacementSolution::getScore)).orElseThrow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while solving the placement portfolio", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a portfolio solver failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private Solver<PlacementSolution> solver(int i, TerminationConfig termination, SolverEventListener<PlacementSolution> listener) {
        Solver<PlacementSolution> solver = factories.get(i).buildSolver(new SolverConfigOverride().withTerminationConfig(termination));
        if (listener != null) {
            solver.addEventListener(listener);
        }
        return solver;
    }

    private static long speedOf(Solver<PlacementSolution> solver) {
        return solver instanceof DefaultSolver<PlacementSolution> d ? d.getSolverScope().getMoveEvaluationSpeed() : 0;
    }

    /** A copy with its own entities (hosts, rules and weights are facts, shared). */
    public static PlacementSolution copyOf(PlacementSolution s) {
        List<VmPlacement> placements = new ArrayList<>(s.getPlacements().size());
        for (VmPlacement p : s.getPlacements()) {
            VmPlacement copy = new VmPlacement(p.getId(), p.getCpuDemand(), p.getVcpus(), p.getMemory(), p.getMemoryDemand(),
                    p.getDirtyRateMibPerSecond(), p.getCurrentHost(), p.isPinned(), p.isRecentlyMoved());
            copy.setHost(p.getHost());
            if (p.isNew()) {
                copy.markNew();
            }
            placements.add(copy);
        }
        PlacementSolution copy = new PlacementSolution(s.getHosts(), placements, s.getMigrationCostModel(), s.getLimits(),
                s.getAffinityGroups(), s.getHostRules(), s.getPolicies(), s.getConstraintWeightOverrides());
        copy.setScore(s.getScore());
        return copy;
    }

}
