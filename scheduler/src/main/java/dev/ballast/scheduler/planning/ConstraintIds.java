package dev.ballast.scheduler.planning;

import java.util.List;

/** The IDs of Ballast's placement constraints: used for weights, overrides and explanations. */
public final class ConstraintIds {
    public static final String CPU_CAPACITY = "cpu-capacity";
    public static final String MEMORY_CAPACITY = "memory-capacity";
    public static final String VCPU_OVERCOMMIT = "vcpu-overcommit";
    public static final String UNUSABLE_HOST = "unusable-host";
    public static final String POWER = "power";
    public static final String CPU_IMBALANCE = "cpu-imbalance";
    public static final String MEMORY_IMBALANCE = "memory-imbalance";
    public static final String MIGRATION_COST = "migration-cost";

    public static final List<String> ALL = List.of(CPU_CAPACITY, MEMORY_CAPACITY, VCPU_OVERCOMMIT, UNUSABLE_HOST,
            POWER, CPU_IMBALANCE, MEMORY_IMBALANCE, MIGRATION_COST);

    private ConstraintIds() {
    }
}
