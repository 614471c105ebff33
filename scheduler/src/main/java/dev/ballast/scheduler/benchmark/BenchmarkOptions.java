package dev.ballast.scheduler.benchmark;

import dev.ballast.collectors.trace.TraceDataDirectory;
import dev.ballast.scheduler.planning.SolveBudget;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's command line.
 *
 * @param days      days of the trace set (PlanetLab folder names, Google 1–5, Bitbrains 1–29), empty for all
 * @param policies  policies to run, in this order
 * @param hours     simulated hours from midnight (24 for whole days; 2 for the smoke slice)
 * @param out       where the CSV, text and PNG files go
 * @param dataDir   the directory holding {@code planetlab/}
 * @param solve     Ballast's solver budget per decision: moves evaluated (deterministic) or wall time
 * @param cooldown  a move back to the host a VM left within this counts as ping-pong
 * @param trace     the trace set
 * @param model     the world model
 * @param hosts     hosts in the simulated cluster
 * @param maxVms    the first this many VMs of each day, all when 0
 */
public record BenchmarkOptions(List<String> days, List<PolicyName> policies, double hours, Path out, Path dataDir,
                               SolveBudget solve, Duration cooldown, BenchmarkTrace trace, WorldModel model, int hosts,
                               int maxVms) {
    /** Ballast's default budget per decision (see docs/benchmarks.md). */
    static final SolveBudget DEFAULT_SOLVE = SolveBudget.moves(150_000);

    public static final String USAGE = """
            usage: benchmark [--trace planetlab|google|bitbrains] [--days all|DAY,...]
                             [--policies thr-mmt,lr-mmt,skewness,ballast,bound] [--hours H]
                             [--model cloudsim|realistic] [--host-memory-mb MB] [--hosts N] [--vms N]
                             [--out DIR] [--solve-moves N | --solve-ms MS] [--cooldown-s S]
              Days: PlanetLab folder names (YYYYMMDD), Google 1..5, Bitbrains 1..29 (days of July 2013).
              The traces are read from -Dballast.data.dir (or BALLAST_DATA_DIR), default ../shared/data
              next to the repository root.""";

    /** The CloudSim-compatible model on PlanetLab, 800 hosts, every VM. */
    public BenchmarkOptions(List<String> days, List<PolicyName> policies, double hours, Path out, Path dataDir,
                            SolveBudget solve, Duration cooldown) {
        this(days, policies, hours, out, dataDir, solve, cooldown, BenchmarkTrace.PLANETLAB, WorldModel.cloudSim(), 800, 0);
    }

    public static BenchmarkOptions parse(String[] args, Path workingDir) {
        List<String> days = null;
        BenchmarkTrace trace = BenchmarkTrace.PLANETLAB;
        String modelName = "cloudsim";
        int hostMemoryMb = 0;
        int hosts = 800;
        int maxVms = 0;
        List<PolicyName> policies = List.of(PolicyName.values());
        double hours = 24;
        Path out = workingDir.resolve("target/benchmarks");
        SolveBudget solve = DEFAULT_SOLVE;
        Duration cooldown = Duration.ofHours(1);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                throw new IllegalArgumentException(USAGE);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + arg + " needs a value\n" + USAGE);
            }
            String value = args[++i];
            switch (arg) {
                case "--days" -> days = value.equals("all") ? List.of() : List.of(value.split(","));
                case "--policies" -> {
                    List<PolicyName> list = new ArrayList<>();
                    for (String p : value.split(",")) {
                        list.add(PolicyName.parse(p));
                    }
                    policies = List.copyOf(list);
                }
                case "--hours" -> {
                    hours = number(arg, value);
                    if (!(hours >= 1 && hours <= 24)) {
                        throw new IllegalArgumentException("--hours must be in [1, 24], was " + value);
                    }
                }
                case "--model" -> {
                    WorldModel.parse(value);
                    modelName = value;
                }
                case "--trace" -> trace = BenchmarkTrace.parse(value);
                case "--host-memory-mb" -> hostMemoryMb = (int) positive(arg, value);
                case "--hosts" -> hosts = (int) positive(arg, value);
                case "--vms" -> maxVms = (int) positive(arg, value);
                case "--out" -> out = workingDir.resolve(value);
                case "--solve-ms" -> solve = SolveBudget.time(Duration.ofMillis((long) positive(arg, value)));
                case "--solve-moves" -> solve = SolveBudget.moves((long) positive(arg, value));
                case "--cooldown-s" -> cooldown = Duration.ofSeconds((long) positive(arg, value));
                default -> throw new IllegalArgumentException("unknown option '" + arg + "'\n" + USAGE);
            }
        }
        WorldModel model = WorldModel.parse(modelName);
        if (hostMemoryMb > 0) {
            if (!model.enforceMemory()) {
                throw new IllegalArgumentException("--host-memory-mb needs --model realistic (the CloudSim-compatible "
                        + "model has 4096 MB hosts and does not enforce memory), was model " + modelName);
            }
            model = WorldModel.realistic(hostMemoryMb);
        }
        if (days == null) {
            days = List.of(trace.defaultDay());
        }
        return new BenchmarkOptions(days, policies, hours, out, dataDir(workingDir, trace), solve, cooldown, trace, model,
                hosts, maxVms);
    }

    private static double number(String option, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, was '" + value + "'");
        }
    }

    private static double positive(String option, String value) {
        double v = number(option, value);
        if (!(v > 0)) {
            throw new IllegalArgumentException(option + " must be > 0, was " + value);
        }
        return v;
    }

    /** {@code ballast.data.dir} / {@code BALLAST_DATA_DIR}, else {@code ../shared/data} beside the repository root. */
    static Path dataDir(Path workingDir, BenchmarkTrace trace) {
        String configured = System.getProperty(TraceDataDirectory.PROPERTY);
        if (configured == null || configured.isBlank()) {
            configured = System.getenv(TraceDataDirectory.ENVIRONMENT);
        }
        Path dir;
        if (configured != null && !configured.isBlank()) {
            dir = Path.of(configured);
        } else {
            Path root = workingDir.toAbsolutePath();
            while (root != null && !(Files.isRegularFile(root.resolve("pom.xml")) && Files.isDirectory(root.resolve("scheduler")))) {
                root = root.getParent();
            }
            dir = (root == null ? workingDir.toAbsolutePath() : root).resolve("../shared/data").normalize();
        }
        if (!Files.isDirectory(trace.root(dir))) {
            throw new IllegalArgumentException("no trace data at " + dir.toAbsolutePath() + " (expected "
                    + trace.root(dir).toAbsolutePath() + "); pass -D" + TraceDataDirectory.PROPERTY
                    + "=/path/to/data or set " + TraceDataDirectory.ENVIRONMENT);
        }
        return dir;
    }
}
