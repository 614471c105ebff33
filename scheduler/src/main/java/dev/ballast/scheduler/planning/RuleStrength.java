package dev.ballast.scheduler.planning;

/** A rule the plan must keep (HARD) or should keep at a price (SOFT). */
public enum RuleStrength {
    HARD,
    SOFT
}
