package dev.ballast.scheduler.benchmark;
import java.nio.file.Path;
public class Scratch {
    public static void main(String[] a) {
        var days = new PlanetLabDays(Path.of("/work/shared/data"));
        var traces = days.read(a[0]);
        double lim = Double.parseDouble(a[2]);
        var w = new CloudSimWorld(traces, 800, lim, 3600);
        ConsolidationPolicyFactory f = switch (a[1]) { case "thr" -> x -> new ThrMmtPolicy(0.8); case "lr" -> x -> new LrMmtPolicy(1.2); case "ballast" -> x -> new BallastPolicy(dev.ballast.scheduler.planning.PlanningSettings.defaults(), java.time.Duration.ofMillis(Long.getLong("solve", 1000)), 0.1); default -> x -> new SkewnessPolicy(dev.ballast.predictors.hotspot.SpotThresholds.defaults(), 0.05); };
        var r = w.run(f, a[0], i -> {});
        System.out.printf("%s energy=%.2f mig=%d slatah=%.4f pdm=%.5f slav=%.5f%% meanActive=%.1f vmsMigrated=%d max=%d pp=%d replanned=%d unplaced=%d finished=%d wall=%.1f%n",
          r.policy(), r.energyKwh(), r.migrations(), r.slatah(), r.pdm(), r.slav()*100, r.meanActiveHosts(), r.vmsMigrated(), r.maxMigrationsPerVm(), r.pingPong(), r.replannedInRound(), r.unplacedVms(), r.finishedVms(), r.wallSeconds());
    }
}
