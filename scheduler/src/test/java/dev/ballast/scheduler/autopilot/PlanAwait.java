package dev.ballast.scheduler.autopilot;

import dev.ballast.scheduler.plans.PlanRecord;
import dev.ballast.scheduler.plans.PlanService;

import java.time.Duration;
import java.time.Instant;

/** Waits for a plan started by the autopilot to end. */
final class PlanAwait {
    private PlanAwait() {
    }

    static PlanRecord end(PlanService plans, String id) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            PlanRecord r = plans.get(id);
            if (r.status().isFinal()) {
                return r;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("plan " + id + " still " + plans.get(id).status());
    }
}
