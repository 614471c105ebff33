package dev.ballast.scheduler.planning;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a plan is for. Each goal is a preset of constraint weights on the one constraint provider; hard constraints
 * keep weight one whatever the goal.
 */
public enum Goal {
    /** Spread load so no host is a hot spot; power is no concern. */
    BALANCE(Map.of(ConstraintIds.POWER, 0L, ConstraintIds.CPU_IMBALANCE, 20L, ConstraintIds.MEMORY_IMBALANCE, 5L,
            ConstraintIds.MIGRATION_COST, 1L)),
    /** Pack VMs onto few hosts so the rest can be powered off; balance only breaks ties. */
    CONSOLIDATE(Map.of(ConstraintIds.POWER, 20L, ConstraintIds.CPU_IMBALANCE, 1L, ConstraintIds.MEMORY_IMBALANCE, 0L,
            ConstraintIds.MIGRATION_COST, 1L));

    private final Map<String, Long> softWeights;

    Goal(Map<String, Long> softWeights) {
        this.softWeights = softWeights;
    }

    /** The weight of every constraint under this goal. */
    public Map<String, HardMediumSoftScore> weights() {
        Map<String, HardMediumSoftScore> weights = new LinkedHashMap<>();
        for (String id : ConstraintIds.ALL) {
            Long soft = softWeights.get(id);
            weights.put(id, soft == null ? HardMediumSoftScore.ONE_HARD : HardMediumSoftScore.ofSoft(soft));
        }
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
