package dev.ballast.scheduler.benchmark;

import dev.ballast.predictors.hotspot.SpotThresholds;

import dev.ballast.scheduler.planning.SolveBudget;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The policies the benchmark runs, by their command-line names. */
public enum PolicyName {
    THR_MMT("thr-mmt"),
    LR_MMT("lr-mmt"),
    SKEWNESS("skewness"),
    BALLAST("ballast"),
    BOUND("bound");

    private final String cli;

    PolicyName(String cli) {
        this.cli = cli;
    }

    public String cli() {
        return cli;
    }

    public static PolicyName parse(String name) {
        for (PolicyName p : values()) {
            if (p.cli.equals(name.trim().toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown policy '" + name + "', expected one of " + names());
    }

    public static String names() {
        return Arrays.stream(values()).map(PolicyName::cli).collect(Collectors.joining(", "));
    }

    /** The policy to simulate, or {@code null} for the bound (computed, not simulated). */
    ConsolidationPolicyFactory factory(SolveBudget ballastSolve) {
        return switch (this) {
            case THR_MMT -> w -> new ThrMmtPolicy(0.8);
            case LR_MMT -> w -> new LrMmtPolicy(1.2);
            case SKEWNESS -> w -> new SkewnessPolicy(SpotThresholds.defaults(), 0.05);
            case BALLAST -> w -> new BallastPolicy(BallastPolicy.benchmarkSettings(), ballastSolve, 0.1, BallastPolicy.Triggers.DEFAULTS);
            case BOUND -> null;
        };
    }
}
