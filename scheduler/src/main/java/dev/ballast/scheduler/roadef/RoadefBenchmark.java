package dev.ballast.scheduler.roadef;

import ai.timefold.solver.core.config.solver.EnvironmentMode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark command: for each instance, solve within the time limit starting from the original assignment, write
 * the solution file, read it back and re-check it with {@link RoadefChecker}, and print the initial cost, Ballast's
 * cost, the best known cost and the challenge score {@code 100 × (cost − best) / initial}. An infeasible solution is
 * reported as such and not scored.
 *
 * <pre>
 * mvn -B -ntp -q -pl scheduler -am process-classes -Proadef-benchmark \
 *     -Dexec.args="--seconds 30 --instances a1_1,b_1 --out target/roadef-solutions"
 * </pre>
 */
public final class RoadefBenchmark {

    record Options(Path dataDirectory, List<String> instances, Duration timeLimit, Path outDirectory, long seed,
                   int lateAcceptanceSize, int entityTabuSize, int acceptedCountLimit, double ruinRecreateWeight,
                   double chainedShiftWeight, double repackWeight, RoadefSolver.ScoreModel scoreModel) {
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("roadef-benchmark: " + e.getMessage());
            System.err.println("usage: [--data DIR] [--seconds N] [--instances a1_1,b_1,...] [--out DIR] [--seed N]"
                    + " [--late-acceptance N] [--entity-tabu N] [--accepted-count N] [--ruin-recreate WEIGHT] [--chained-shift WEIGHT] [--repack WEIGHT] [--score incremental|streams]");
            throw e;
        }
        run(options);
    }

    static void run(Options options) {
        RoadefSolver solver = new RoadefSolver(new RoadefSolver.Settings(options.timeLimit(), options.seed(),
                options.lateAcceptanceSize(), options.entityTabuSize(), options.acceptedCountLimit(),
                options.ruinRecreateWeight(), options.chainedShiftWeight(), options.repackWeight(), EnvironmentMode.PHASE_ASSERT, options.scoreModel()));
        System.out.printf(Locale.ROOT, "ROADEF/EURO 2012 machine reassignment, %d s per instance, %s score, late acceptance %d,"
                        + " entity tabu %d, accepted count limit %d, ruin-and-recreate weight %s, chained-shift weight %s, repack weight %s, seed %d, %d cores,"
                        + " Java %s, load average %.2f%n",
                options.timeLimit().toSeconds(), options.scoreModel(), options.lateAcceptanceSize(),
                options.entityTabuSize(), options.acceptedCountLimit(), options.ruinRecreateWeight(), options.chainedShiftWeight(), options.repackWeight(),
                options.seed(), Runtime.getRuntime().availableProcessors(), Runtime.version(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println("| instance | initial cost | Ballast cost | best known | score | feasible | moves/s |");
        System.out.println("|---|---|---|---|---|---|---|");
        double scoreSum = 0;
        int scored = 0;
        for (String name : options.instances()) {
            Path setDirectory = options.dataDirectory().resolve(ReferenceCosts.setOf(name));
            if (!Files.isRegularFile(setDirectory.resolve("model_" + name + ".txt"))) {
                System.out.println("| " + name + " | model file absent in " + setDirectory + ", skipped | | | | | |");
                continue;
            }
            RoadefInstance instance = RoadefReader.read(setDirectory, name);
            RoadefSolver.Outcome outcome = solver.solve(instance);
            Path solutionFile = options.outDirectory().resolve("solution_" + name + ".txt");
            RoadefSolutionWriter.write(solutionFile, outcome.machineIndices());
            int[] written = RoadefReader.readAssignment(solutionFile, instance.processCount(), instance.machineCount());
            CheckResult checked = RoadefChecker.check(instance, written);
            long cost = checked.costs().total();
            if (checked.feasible() && cost != -outcome.score().softScore()) {
                throw new IllegalStateException(name + ": the checker's cost " + cost + " differs from the solver's "
                        + outcome.score());
            }
            ReferenceCosts.Reference reference = ReferenceCosts.of(name);
            String score = "—";
            if (checked.feasible()) {
                double challengeScore = ReferenceCosts.challengeScore(name, cost);
                score = String.format(Locale.ROOT, "%.4f", challengeScore);
                scoreSum += challengeScore;
                scored++;
            }
            System.out.printf(Locale.ROOT, "| %s | %,d | %,d | %,d | %s | %s | %,d |%n", name, reference.initialCost(), cost,
                    reference.bestKnownCost(), score, checked.feasible() ? "yes" : "NO " + checked.violationCounts(),
                    outcome.moveEvaluationSpeed());
        }
        if (scored > 0) {
            System.out.printf(Locale.ROOT, "mean score over %d feasible instances: %.4f; solutions in %s%n", scored,
                    scoreSum / scored, options.outDirectory().toAbsolutePath());
        }
    }

    static Options parse(String[] args) {
        String dataDir = System.getProperty("ballast.data.dir");
        Path data = dataDir == null ? null : Path.of(dataDir, "roadef2012");
        List<String> instances = new ArrayList<>(ReferenceCosts.all().keySet());
        long seconds = 300;
        Path out = Path.of("target", "roadef-solutions");
        long seed = 0;
        int lateAcceptance = RoadefSolver.DEFAULT_LATE_ACCEPTANCE_SIZE;
        int acceptedCount = RoadefSolver.DEFAULT_ACCEPTED_COUNT_LIMIT;
        int entityTabu = 0;
        double ruinRecreate = 0;
        double chainedShift = RoadefSolver.DEFAULT_CHAINED_SHIFT_WEIGHT;
        double repack = RoadefSolver.DEFAULT_REPACK_WEIGHT;
        RoadefSolver.ScoreModel scoreModel = RoadefSolver.ScoreModel.INCREMENTAL;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + flag + " needs a value");
            }
            String value = args[++i];
            switch (flag) {
                case "--data" -> data = Path.of(value);
                case "--seconds" -> seconds = positive(flag, value);
                case "--instances" -> {
                    instances = Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
                    instances.forEach(ReferenceCosts::of);
                }
                case "--out" -> out = Path.of(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--late-acceptance" -> lateAcceptance = (int) notNegative(flag, value);
                case "--entity-tabu" -> entityTabu = (int) notNegative(flag, value);
                case "--ruin-recreate" -> ruinRecreate = Double.parseDouble(value);
                case "--chained-shift" -> chainedShift = Double.parseDouble(value);
                case "--repack" -> repack = Double.parseDouble(value);
                case "--accepted-count" -> acceptedCount = (int) positive(flag, value);
                case "--score" -> scoreModel = switch (value) {
                    case "incremental" -> RoadefSolver.ScoreModel.INCREMENTAL;
                    case "streams" -> RoadefSolver.ScoreModel.CONSTRAINT_STREAMS;
                    default -> throw new IllegalArgumentException("--score must be incremental or streams, was '" + value + "'");
                };
                default -> throw new IllegalArgumentException("unknown option '" + flag + "'");
            }
        }
        if (data == null) {
            throw new IllegalArgumentException("no data directory: pass --data DIR (holding A/ and B/) or -Dballast.data.dir");
        }
        if (!Files.isDirectory(data)) {
            throw new IllegalArgumentException("data directory " + data + " does not exist");
        }
        return new Options(data, instances, Duration.ofSeconds(seconds), out, seed, lateAcceptance, entityTabu, acceptedCount, ruinRecreate, chainedShift, repack, scoreModel);
    }

    private static long notNegative(String flag, String value) {
        return value.equals("0") ? 0 : positive(flag, value);
    }

    private static long positive(String flag, String value) {
        long parsed;
        try {
            parsed = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a positive integer, was '" + value + "'");
        }
        if (parsed <= 0) {
            throw new IllegalArgumentException(flag + " needs a positive integer, was " + parsed);
        }
        return parsed;
    }
}
