package dev.ballast.actuators.plan;

/** One action of a plan. The executor checks its pre-condition (skip or fail), runs it, then verifies its outcome. */
public sealed interface PlanStep permits LiveMigrate, PowerOn, PowerOff {
    /** Why the planner asked for this step, for people reading the plan. */
    String reason();

    /** A one-line human description, e.g. "migrate vm-003 host-01 → host-04 (4096 MiB)". */
    String describe();
}
