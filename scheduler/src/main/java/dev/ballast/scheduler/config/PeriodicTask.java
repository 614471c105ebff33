package dev.ballast.scheduler.config;

import io.micronaut.scheduling.TaskScheduler;
import org.slf4j.Logger;

import java.time.Duration;

/**
 * Runs a background job every interval; a zero, negative or missing interval means "never". A failing run is
 * logged and the next one still comes: one bad tick must not stop the loop.
 */
final class PeriodicTask {
    private PeriodicTask() {
    }

    /** @return whether the job was scheduled */
    static boolean schedule(TaskScheduler scheduler, Duration interval, Logger log, String what, Runnable job) {
        if (interval == null || interval.isZero() || interval.isNegative()) {
            log.info("{} not scheduled (interval {})", what, interval);
            return false;
        }
        scheduler.scheduleWithFixedDelay(interval, interval, () -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                log.warn("{} failed: {}", what, e.getMessage(), e);
            }
        });
        return true;
    }
}
