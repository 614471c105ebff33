package dev.ballast.scheduler.sequencing;

/**
 * How many migrations may run at once: into one host, out of one host, and in the whole cluster. The defaults are
 * KubeVirt's (2 outbound per node, 5 per cluster).
 */
public record SequencingLimits(int perHostIncoming, int perHostOutgoing, int global) {
    public static SequencingLimits defaults() {
        return new SequencingLimits(2, 2, 5);
    }

    public SequencingLimits {
        if (perHostIncoming < 1 || perHostOutgoing < 1 || global < 1) {
            throw new IllegalArgumentException("concurrency limits must be >= 1, were incoming=" + perHostIncoming
                    + " outgoing=" + perHostOutgoing + " global=" + global);
        }
    }
}
