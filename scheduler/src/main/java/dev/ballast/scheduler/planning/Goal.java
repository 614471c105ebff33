package dev.ballast.scheduler.planning;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.ballast.scheduler.planning.ConstraintIds.BALANCE_TARGET;
import static dev.ballast.scheduler.planning.ConstraintIds.COOLDOWN;
import static dev.ballast.scheduler.planning.ConstraintIds.HOST_PAIR_MOVE_COST;
import static dev.ballast.scheduler.planning.ConstraintIds.SAFETY_CAPACITY;
import static dev.ballast.scheduler.planning.ConstraintIds.SERVICE_MOVE_COST;
import static dev.ballast.scheduler.planning.ConstraintIds.CPU_IMBALANCE;
import static dev.ballast.scheduler.planning.ConstraintIds.MEMORY_IMBALANCE;
import static dev.ballast.scheduler.planning.ConstraintIds.MIGRATION_COST;
import static dev.ballast.scheduler.planning.ConstraintIds.POWER;
import static dev.ballast.scheduler.planning.ConstraintIds.POWER_ON;
import static dev.ballast.scheduler.planning.ConstraintIds.SKEWNESS;
import static dev.ballast.scheduler.planning.ConstraintIds.SOFT_AFFINITY;
import static dev.ballast.scheduler.planning.ConstraintIds.SOFT_ANTI_AFFINITY;
import static dev.ballast.scheduler.planning.ConstraintIds.SOFT_HOST_RULE;

/**
 * What a plan is for. Each goal is a preset of soft weights on the one constraint provider; hard and medium
 * constraints weigh one whatever the goal. Units: power in deciwatts, imbalance in basis points of utilization,
 * skewness in thousandths, migration cost in deciseconds of copying, power-on, cooldown and soft rules per case.
 * The placement policies' soft constraints (balance targets, safety capacity, host-pair move costs: their own
 * units, weighted per entry; the per-service move cost: VMs of the most churned service) weigh the same under every
 * goal, and only count when the request has them (see {@link PlacementPolicies}).
 */
public enum Goal {
    /** Spread load so no host is a hot spot; power is no concern. */
    BALANCE(weights(0, 50_000, 5, 2, 1, 1, 20_000, 1_000)),
    /** Pack VMs onto few hosts so the rest can be powered off; balance only breaks ties. */
    CONSOLIDATE(weights(20, 20_000, 1, 0, 0, 1, 20_000, 1_000)),
    /** Empty the hosts named in the request (maintenance), spreading their VMs without waking hosts. */
    EVACUATE(weights(0, 50_000, 1, 0, 0, 5, 2_000, 1_000));

    private final Map<String, Long> softWeights;

    Goal(Map<String, Long> softWeights) {
        this.softWeights = softWeights;
    }

    private static Map<String, Long> weights(long power, long powerOn, long cpuImbalance, long memoryImbalance, long skewness,
                                             long migrationCost, long cooldown, long softRules) {
        Map<String, Long> w = new LinkedHashMap<>();
        w.put(POWER, power);
        w.put(POWER_ON, powerOn);
        w.put(CPU_IMBALANCE, cpuImbalance);
        w.put(MEMORY_IMBALANCE, memoryImbalance);
        w.put(SKEWNESS, skewness);
        w.put(MIGRATION_COST, migrationCost);
        w.put(COOLDOWN, cooldown);
        w.put(SOFT_ANTI_AFFINITY, softRules);
        w.put(SOFT_AFFINITY, softRules);
        w.put(SOFT_HOST_RULE, softRules);
        w.put(BALANCE_TARGET, 1L);
        w.put(SAFETY_CAPACITY, 1L);
        w.put(HOST_PAIR_MOVE_COST, 1L);
        // one more VM of the most churned service weighs like some 30 s of live migration (migration-cost is in ds)
        w.put(SERVICE_MOVE_COST, 300L);
        return Map.copyOf(w);
    }

    public Map<String, Long> softWeights() {
        return softWeights;
    }

    /** The weight of every constraint under this goal. */
    public Map<String, HardMediumSoftScore> weights() {
        return weights(Map.of());
    }

    /** The weight of every constraint under this goal with some soft weights overridden. */
    public Map<String, HardMediumSoftScore> weights(Map<String, Long> overrides) {
        Map<String, HardMediumSoftScore> weights = new LinkedHashMap<>();
        ConstraintIds.HARD.forEach(id -> weights.put(id, HardMediumSoftScore.ONE_HARD));
        ConstraintIds.MEDIUM.forEach(id -> weights.put(id, HardMediumSoftScore.ONE_MEDIUM));
        ConstraintIds.SOFT.forEach(id -> weights.put(id, HardMediumSoftScore.ofSoft(overrides.getOrDefault(id, softWeights.get(id)))));
        return weights;
    }

    /** Parses a goal name case-insensitively; the error lists the valid names. */
    public static Goal parse(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("goal is required, one of " + names());
        }
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("goal '" + name + "' is unknown, expected one of " + names(), e);
        }
    }

    public static String names() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
