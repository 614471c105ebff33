package dev.ballast.scheduler.benchmark;

/** Makes a fresh policy for one run (policies keep per-run state such as forecasters). */
interface ConsolidationPolicyFactory {
    ConsolidationPolicy create(SimulatedWorld world);
}
