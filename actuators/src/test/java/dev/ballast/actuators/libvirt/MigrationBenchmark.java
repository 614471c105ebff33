package dev.ballast.actuators.libvirt;

import dev.ballast.actuators.execution.ExecutionJournal;
import dev.ballast.actuators.execution.ExecutionLimits;
import dev.ballast.actuators.execution.ExecutionReport;
import dev.ballast.actuators.execution.PlanExecutor;
import dev.ballast.actuators.execution.StepOutcome;
import dev.ballast.actuators.plan.LiveMigrate;
import dev.ballast.actuators.plan.Plan;
import dev.ballast.actuators.plan.PlanStep;
import dev.ballast.actuators.support.Testbed;
import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.VmId;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Measures real live migrations on the libvirt testbed (two hosts, TCG guests that dirty 8 MiB per second):
 * per guest size, the executor's wall time per step, libvirt's job time, downtime and bytes moved, against
 * {@code virsh migrate} for the same migration; then a plan of 10 migrations at concurrency 1 and 2.
 * Run with actuators/scripts/migration-benchmark.sh (root). Arguments: repetitions (3), bandwidth MiB/s (64).
 */
public final class MigrationBenchmark {
    private MigrationBenchmark() {
    }

    public static void main(String[] args) {
        int repetitions = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        long bandwidth = args.length > 1 ? Long.parseLong(args[1]) : 64;
        String why = Testbed.unavailableBecause();
        if (why != null) {
            System.err.println("migration benchmark cannot run: " + why);
            System.exit(2);
        }
        try (Testbed testbed = Testbed.up(2)) {
            testbed.guest(1, "m128", 128, 8);
            testbed.guest(1, "m256", 256, 8);
            testbed.guest(1, "p1", 128, 8);
            testbed.guest(1, "p2", 128, 8);
            for (String g : List.of("m128", "m256", "p1", "p2")) {
                testbed.waitHeartbeat(g);
            }
            List<MigrationResult> results = new CopyOnWriteArrayList<>();
            MigrationObserver observer = new MigrationObserver() {
                @Override
                public void onFinished(MigrationResult r) {
                    results.add(r);
                }
            };
            LibvirtHypervisor hypervisor = new LibvirtHypervisor(testbed.libvirtHosts(),
                    MigrationSettings.defaults().withBandwidth(bandwidth).withTimeout(Duration.ofMinutes(5)), null, Map.of(), observer, Clock.systemUTC());
            HostId h1 = testbed.id(1);
            HostId h2 = testbed.id(2);
            System.out.printf(Locale.ROOT, "# Ballast migration benchmark: 2 libvirt hosts (network namespaces), TCG guests dirtying 8 MiB/s, "
                    + "bandwidth cap %d MiB/s, %d repetitions per direction%n%n", bandwidth, repetitions);
            System.out.println("| guest | migrations | executor step wall ms (mean / min / max) | libvirt job ms (mean) | downtime ms (mean / max) "
                    + "| data moved MiB (mean) | virsh migrate wall ms (mean) | executor overhead ms |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            for (String guest : List.of("m128", "m256")) {
                VmId vm = VmId.of(guest);
                List<Long> stepMillis = new ArrayList<>();
                results.clear();
                HostId at = h1;
                for (int r = 0; r < repetitions * 2; r++) {
                    HostId to = at.equals(h1) ? h2 : h1;
                    ExecutionReport report = new PlanExecutor(hypervisor, ExecutionLimits.sequential(), ExecutionJournal.NONE, Clock.systemUTC())
                            .execute(new Plan("bench-" + guest + "-" + r, List.of(new LiveMigrate(vm, at, to, 0, "benchmark"))), null);
                    StepOutcome s = report.steps().get(0);
                    if (!report.succeeded()) {
                        throw new IllegalStateException("benchmark migration failed: " + s.message());
                    }
                    stepMillis.add(Duration.between(s.startedAt(), s.finishedAt()).toMillis());
                    at = to;
                }
                List<Long> virshMillis = new ArrayList<>();
                for (int r = 0; r < repetitions * 2; r++) {
                    int from = at.equals(h1) ? 1 : 2;
                    int to = 3 - from;
                    long t0 = System.nanoTime();
                    testbed.virsh(from, "migrate", "--live", "--p2p", "--persistent", "--undefinesource", "--bandwidth", Long.toString(bandwidth),
                            guest, testbed.peerUri(to));
                    virshMillis.add((System.nanoTime() - t0) / 1_000_000);
                    at = testbed.id(to);
                }
                double stepMean = mean(stepMillis);
                double virshMean = mean(virshMillis);
                System.out.printf(Locale.ROOT, "| %s | %d + %d virsh | %.0f / %d / %d | %.0f | %.0f / %d | %.1f | %.0f | %+.0f |%n",
                        guest, stepMillis.size(), virshMillis.size(), stepMean, min(stepMillis), max(stepMillis),
                        mean(results.stream().map(MigrationResult::jobMillis).toList()),
                        mean(results.stream().map(MigrationResult::downtimeMillis).toList()),
                        max(results.stream().map(MigrationResult::downtimeMillis).toList()),
                        mean(results.stream().map(MigrationResult::dataProcessedBytes).toList()) / (1024 * 1024),
                        virshMean, stepMean - virshMean);
                if (!testbed.heartbeatAfter(guest, testbed.heartbeats(guest), 10_000)) {
                    throw new IllegalStateException(guest + " stopped printing heartbeats");
                }
            }
            System.out.println();
            System.out.println("| plan | concurrency (global / per host out / in) | migrations | plan wall s | mean step wall ms |");
            System.out.println("|---|---|---|---|---|");
            HostId p1At = h1;
            HostId p2At = h1;
            for (int concurrency : new int[] {1, 2}) {
                List<PlanStep> steps = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    HostId p1To = p1At.equals(h1) ? h2 : h1;
                    HostId p2To = p2At.equals(h1) ? h2 : h1;
                    steps.add(new LiveMigrate(VmId.of("p1"), p1At, p1To, 128, "benchmark"));
                    steps.add(new LiveMigrate(VmId.of("p2"), p2At, p2To, 128, "benchmark"));
                    p1At = p1To;
                    p2At = p2To;
                }
                ExecutionLimits limits = ExecutionLimits.defaults().withConcurrency(concurrency, concurrency, concurrency)
                        .withTimeouts(Duration.ofMinutes(5), Duration.ofMinutes(5));
                long t0 = System.nanoTime();
                ExecutionReport report = new PlanExecutor(hypervisor, limits, ExecutionJournal.NONE, Clock.systemUTC())
                        .execute(new Plan("bench-plan-" + concurrency, steps), null);
                double wall = (System.nanoTime() - t0) / 1e9;
                if (!report.succeeded()) {
                    throw new IllegalStateException("benchmark plan failed: " + report);
                }
                System.out.printf(Locale.ROOT, "| 10 migrations of two 128 MiB guests | %d / %d / %d | %d | %.1f | %.0f |%n",
                        concurrency, concurrency, concurrency, steps.size(), wall,
                        mean(report.steps().stream().map(s -> Duration.between(s.startedAt(), s.finishedAt()).toMillis()).toList()));
            }
        }
    }

    private static double mean(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).average().orElse(Double.NaN);
    }

    private static long min(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).min().orElse(-1);
    }

    private static long max(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).max().orElse(-1);
    }
}
