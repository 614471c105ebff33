package dev.ballast.scheduler.planning.bench;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import dev.ballast.scheduler.planning.Goal;
import dev.ballast.scheduler.planning.PlacementPlanner;
import dev.ballast.scheduler.planning.PlacementResult;
import dev.ballast.scheduler.planning.PlacementProblemBuilder;
import dev.ballast.scheduler.planning.PlacementSolution;
import dev.ballast.scheduler.planning.PlanningRequest;
import dev.ballast.scheduler.planning.PlanningSettings;
import dev.ballast.scheduler.planning.VmPlacement;
import dev.ballast.scheduler.planning.solver.PlacementSolverConfig.Tuning;
import dev.ballast.scheduler.planning.solver.PortfolioSolver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The placement benchmark (docs/placement-benchmark.md): for each cluster size and the goals CONSOLIDATE and
 * BALANCE, solves the synthetic cluster once with the planner's solver configuration and reads off the best-score
 * timeline: time to the first feasible plan, best score at 1, 5, 30 (and 60) s, powered-on hosts against the lower
 * bound and first-fit-decreasing, migrations, and Timefold's move evaluation speed.
 *
 * <p>Arguments (all optional, {@code key=value}): {@code sizes=50x500,200x2000,1000x10000,5000x50000},
 * {@code seconds=30}, {@code reference=1000x10000} (solved for 60 s), {@code goals=CONSOLIDATE,BALANCE},
 * {@code tuning=TUNED|TIMEFOLD_DEFAULTS}, {@code seed=7}, {@code portfolio=1} (solvers racing in parallel),
 * {@code planner=true} (also time PlacementPlanner.solve with its score breakdown, 5 s, CONSOLIDATE).
 */
public final class PlacementBenchmark {
    private static final long[] MARKS_SECONDS = {1, 5, 30, 60};

    private record Sample(long millis, HardMediumSoftScore score) {
    }

    public static void main(String[] rawArgs) {
        Map<String, String> args = parse(rawArgs);
        List<int[]> sizes = Arrays.stream(args.getOrDefault("sizes", "50x500,200x2000,1000x10000,5000x50000").split(","))
                .map(PlacementBenchmark::size).toList();
        long seconds = Long.parseLong(args.getOrDefault("seconds", "30"));
        Set<String> reference = new HashSet<>(Arrays.asList(args.getOrDefault("reference", "1000x10000").split(",")));
        List<Goal> goals = Arrays.stream(args.getOrDefault("goals", "CONSOLIDATE,BALANCE").split(",")).map(Goal::parse).toList();
        Tuning tuning = Tuning.valueOf(args.getOrDefault("tuning", Tuning.TUNED.name()).toUpperCase(Locale.ROOT));
        long seed = Long.parseLong(args.getOrDefault("seed", "7"));
        int portfolio = Integer.parseInt(args.getOrDefault("portfolio", "1"));

        System.out.printf("placement benchmark: tuning %s, portfolio %d, seed %d, %d cores, max heap %d MiB, load average %.2f%n", tuning, portfolio, seed,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        boolean plannerOverhead = Boolean.parseBoolean(args.getOrDefault("planner", "true"));
        PortfolioSolver solver = new PortfolioSolver(tuning, portfolio);
        List<String> overheadRows = new ArrayList<>();
        PlacementProblemBuilder builder = new PlacementProblemBuilder(PlanningSettings.defaults());
        System.out.println("| hosts/VMs | goal | limit s | first feasible s | score @1 s | @5 s | @30 s | @60 s | gap 5 s vs end | hosts on (start) | lower bound | FFD | migrations | moves/s |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (int[] size : sizes) {
            SyntheticCluster cluster = SyntheticCluster.generate(size[0], size[1], seed);
            String name = size[0] + "x" + size[1];
            long limit = reference.contains(name) ? Math.max(60, seconds) : seconds;
            for (Goal goal : goals) {
                PlacementSolution problem = builder.build(cluster.snapshot(), cluster.demand(), PlanningRequest.of(goal));
                int hostsAtStart = hostsOn(problem, true);
                int bound = FirstFitDecreasing.lowerBound(problem);
                int ffd = FirstFitDecreasing.hostsUsed(problem);
                List<Sample> timeline = java.util.Collections.synchronizedList(new ArrayList<>());
                PlacementSolution best = solver.solve(problem, new TerminationConfig().withSpentLimit(Duration.ofSeconds(limit)),
                        e -> timeline.add(new Sample(e.getTimeMillisSpent(), (HardMediumSoftScore) e.getNewBestScore())));
                long speed = solver.lastMoveEvaluationSpeed();
                timeline.sort(java.util.Comparator.comparingLong(Sample::millis));
                Sample firstFeasible = timeline.stream().filter(s -> s.score().isFeasible()).findFirst().orElse(null);
                HardMediumSoftScore end = best.getScore();
                HardMediumSoftScore at5 = limit >= 5 ? at(timeline, 5_000) : null;
                System.out.printf("| %,d/%,d | %s | %d | %s | %s | %s | %s | %s | %s | %d (%d) | %d | %d | %,d | %,d |%n",
                        size[0], size[1], goal, limit,
                        firstFeasible == null ? "never" : String.format("%.2f", firstFeasible.millis() / 1000.0),
                        at(timeline, 1_000), at5 == null ? "-" : at5, limit >= 30 ? at(timeline, 30_000) : "-", limit >= 60 ? at(timeline, 60_000) : "-",
                        gap(at5, end), hostsOn(best, false), hostsAtStart, bound, ffd, migrations(best), speed);
            }
            if (plannerOverhead) {
                // PlacementPlanner.solve adds the score breakdown (one score calculation per constraint, before and after)
                PlacementSolution problem = builder.build(cluster.snapshot(), cluster.demand(), PlanningRequest.of(Goal.CONSOLIDATE));
                PlacementPlanner planner = new PlacementPlanner(PlanningSettings.defaults(), portfolio);
                long start = System.nanoTime();
                PlacementResult result = planner.solve(problem, Duration.ofSeconds(5));
                long wall = (System.nanoTime() - start) / 1_000_000;
                overheadRows.add(String.format("| %,d/%,d | %.2f | %.2f | %.2f |", size[0], size[1], wall / 1000.0,
                        result.solveMillis() / 1000.0, (wall - result.solveMillis()) / 1000.0));
            }
        }
        if (!overheadRows.isEmpty()) {
            System.out.println();
            System.out.println("PlacementPlanner.solve(CONSOLIDATE, 5 s): wall time against the solver's time (the rest is the score breakdown)");
            System.out.println("| hosts/VMs | wall s | solver s | breakdown s |");
            System.out.println("|---|---|---|---|");
            overheadRows.forEach(System.out::println);
        }
    }

    /** Relative soft-score gap of the 5 s best to the final best, when both have the same hard and medium scores. */
    static String gap(HardMediumSoftScore at5, HardMediumSoftScore end) {
        if (at5 == null || at5.hardScore() != end.hardScore() || at5.mediumScore() != end.mediumScore()) {
            return "n/a";
        }
        return String.format("%.2f %%", 100.0 * (end.softScore() - at5.softScore()) / Math.abs(end.softScore()));
    }

    private static HardMediumSoftScore at(List<Sample> timeline, long millis) {
        HardMediumSoftScore score = null;
        for (Sample s : timeline) {
            if (s.millis() <= millis) {
                score = s.score();
            }
        }
        return score;
    }

    private static int hostsOn(PlacementSolution s, boolean current) {
        Set<Object> hosts = new HashSet<>();
        for (VmPlacement p : s.getPlacements()) {
            hosts.add(current ? p.getCurrentHost() : p.getHost());
        }
        return hosts.size();
    }

    private static long migrations(PlacementSolution s) {
        return s.getPlacements().stream().filter(VmPlacement::isMoved).count();
    }

    private static int[] size(String text) {
        String[] parts = text.trim().toLowerCase(Locale.ROOT).split("x");
        if (parts.length != 2) {
            throw new IllegalArgumentException("size '" + text + "' must look like HOSTSxVMS, e.g. 1000x10000");
        }
        return new int[]{Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
    }

    private static Map<String, String> parse(String[] rawArgs) {
        Map<String, String> args = new LinkedHashMap<>();
        for (String raw : rawArgs) {
            for (String arg : raw.trim().split("\\s+")) {
                if (arg.isEmpty()) {
                    continue;
                }
                int eq = arg.indexOf('=');
                if (eq < 1) {
                    throw new IllegalArgumentException("argument '" + arg + "' must be key=value (sizes, seconds, reference, goals, tuning, seed)");
                }
                args.put(arg.substring(0, eq), arg.substring(eq + 1));
            }
        }
        return args;
    }
}
