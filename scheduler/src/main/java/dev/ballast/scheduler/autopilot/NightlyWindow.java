package dev.ballast.scheduler.autopilot;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.Instant;

/**
 * The nightly consolidation window in the cluster's time zone, e.g. 22:00 to 06:00, with the hosts woken
 * {@code wakeLead} before it ends so they are up for the morning ramp. {@code spareHosts} is the spare capacity the
 * night keeps (in hosts' worth).
 */
public record NightlyWindow(boolean enabled, LocalTime start, LocalTime end, Duration wakeLead, ZoneId zone, int spareHosts) {
    public NightlyWindow {
        if (start == null || end == null || start.equals(end)) {
            throw new IllegalArgumentException("the nightly window needs distinct start and end, was " + start + "-" + end);
        }
        if (wakeLead == null || wakeLead.isNegative()) {
            throw new IllegalArgumentException("wake lead must be >= 0, was " + wakeLead);
        }
        if (spareHosts < 0) {
            throw new IllegalArgumentException("nightly spare hosts must be >= 0, was " + spareHosts);
        }
    }

    /** Where an instant falls: before the window, consolidating, waking, or after. */
    public enum Phase {
        DAY,
        CONSOLIDATE,
        WAKE
    }

    public Phase phaseAt(Instant at) {
        if (!enabled) {
            return Phase.DAY;
        }
        LocalDateTime t = ZonedDateTime.ofInstant(at, zone).toLocalDateTime();
        LocalDateTime windowStart = nightOf(at).atTime(start);
        LocalDateTime windowEnd = end.isAfter(start) ? nightOf(at).atTime(end) : nightOf(at).plusDays(1).atTime(end);
        LocalDateTime wake = windowEnd.minus(wakeLead);
        if (t.isBefore(windowStart) || !t.isBefore(windowEnd)) {
            return Phase.DAY;
        }
        return t.isBefore(wake) ? Phase.CONSOLIDATE : Phase.WAKE;
    }

    /** The date on which the night containing this instant began (the night of 5 to 6 January is the 5th). */
    public LocalDate nightOf(Instant at) {
        LocalDateTime t = ZonedDateTime.ofInstant(at, zone).toLocalDateTime();
        boolean crossesMidnight = !end.isAfter(start);
        if (crossesMidnight && t.toLocalTime().isBefore(end)) {
            return t.toLocalDate().minusDays(1);
        }
        return t.toLocalDate();
    }
}
