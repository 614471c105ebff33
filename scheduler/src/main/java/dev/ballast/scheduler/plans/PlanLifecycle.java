package dev.ballast.scheduler.plans;

import java.time.Duration;

/**
 * How long a plan stays valid and how far the cluster may drift from what a plan was made for before it is
 * SUPERSEDED: the share of all VMs found on another host than at the preview, and the cooldown after which a
 * migrated VM may move again.
 */
public record PlanLifecycle(Duration ttl, double placementTolerance, Duration migrationCooldown) {
    public PlanLifecycle {
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("plan ttl must be positive, was " + ttl);
        }
        if (!(placementTolerance >= 0 && placementTolerance <= 1)) {
            throw new IllegalArgumentException("placement tolerance must be in [0, 1], was " + placementTolerance);
        }
        if (migrationCooldown == null || migrationCooldown.isNegative()) {
            throw new IllegalArgumentException("migration cooldown must be >= 0, was " + migrationCooldown);
        }
    }
}
