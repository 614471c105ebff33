package dev.ballast.scheduler.planning;

import java.util.List;

/** The IDs of Ballast's placement constraints: used for weights, overrides and explanations. */
public final class ConstraintIds {
    // hard
    public static final String CPU_CAPACITY = "cpu-capacity";
    public static final String MEMORY_CAPACITY = "memory-capacity";
    public static final String VCPU_OVERCOMMIT = "vcpu-overcommit";
    public static final String UNUSABLE_HOST = "unusable-host";
    public static final String ANTI_AFFINITY = "anti-affinity";
    public static final String AFFINITY = "affinity";
    public static final String HOST_RULE = "host-rule";
    public static final String SPARE_CAPACITY = "spare-capacity";
    public static final String FAILURE_DOMAIN_SPREAD = "failure-domain-spread";
    public static final String DEPENDENCY_LOCALITY = "dependency-locality";
    // medium
    public static final String MIGRATION_COUNT_BUDGET = "migration-count-budget";
    public static final String MIGRATION_MEMORY_BUDGET = "migration-memory-budget";
    // soft
    public static final String POWER = "power";
    public static final String POWER_ON = "power-on";
    public static final String CPU_IMBALANCE = "cpu-imbalance";
    public static final String MEMORY_IMBALANCE = "memory-imbalance";
    public static final String SKEWNESS = "skewness";
    public static final String MIGRATION_COST = "migration-cost";
    public static final String COOLDOWN = "cooldown";
    public static final String SOFT_ANTI_AFFINITY = "soft-anti-affinity";
    public static final String SOFT_AFFINITY = "soft-affinity";
    public static final String SOFT_HOST_RULE = "soft-host-rule";
    public static final String BALANCE_TARGET = "balance-target";
    public static final String SAFETY_CAPACITY = "safety-capacity";
    public static final String HOST_PAIR_MOVE_COST = "host-pair-move-cost";
    public static final String SERVICE_MOVE_COST = "service-move-cost";

    public static final List<String> HARD = List.of(CPU_CAPACITY, MEMORY_CAPACITY, VCPU_OVERCOMMIT, UNUSABLE_HOST,
            ANTI_AFFINITY, AFFINITY, HOST_RULE, SPARE_CAPACITY, FAILURE_DOMAIN_SPREAD, DEPENDENCY_LOCALITY);
    public static final List<String> MEDIUM = List.of(MIGRATION_COUNT_BUDGET, MIGRATION_MEMORY_BUDGET);
    public static final List<String> SOFT = List.of(POWER, POWER_ON, CPU_IMBALANCE, MEMORY_IMBALANCE, SKEWNESS,
            MIGRATION_COST, COOLDOWN, SOFT_ANTI_AFFINITY, SOFT_AFFINITY, SOFT_HOST_RULE, BALANCE_TARGET, SAFETY_CAPACITY,
            HOST_PAIR_MOVE_COST, SERVICE_MOVE_COST);
    public static final List<String> ALL = java.util.stream.Stream.of(HARD, MEDIUM, SOFT).flatMap(List::stream).toList();

    private ConstraintIds() {
    }
}
