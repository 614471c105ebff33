package dev.ballast.predictors.hotspot;

/**
 * Utilization thresholds of the hot/cold spot scheme (Xiao, Song, Chen, TPDS 2013). Commonly cited values are the
 * defaults; they are configuration, not constants of nature.
 *
 * @param hotCpu    a host whose CPU utilization is above this is hot
 * @param hotMemory a host whose memory utilization is above this is hot
 * @param warm      a host with every resource below this is a good consolidation target
 * @param cold      a host with every resource below this is cold (a candidate to empty)
 * @param green     green computing (consolidation) runs when active hosts' mean utilization is below this
 */
public record SpotThresholds(double hotCpu, double hotMemory, double warm, double cold, double green) {
    public SpotThresholds {
        requireFraction("hotCpu", hotCpu);
        requireFraction("hotMemory", hotMemory);
        requireFraction("warm", warm);
        requireFraction("cold", cold);
        requireFraction("green", green);
        if (!(cold < warm)) {
            throw new IllegalArgumentException("cold must be below warm, was cold=" + cold + " warm=" + warm);
        }
        if (!(warm < hotCpu) || !(warm < hotMemory)) {
            throw new IllegalArgumentException("warm must be below each hot threshold, was warm=" + warm
                    + " hotCpu=" + hotCpu + " hotMemory=" + hotMemory);
        }
    }

    /** hot CPU 0.9, hot memory 0.8 (the paper's example), warm 0.65, cold 0.25, green 0.4. */
    public static SpotThresholds defaults() {
        return new SpotThresholds(0.9, 0.8, 0.65, 0.25, 0.4);
    }

    private static void requireFraction(String name, double value) {
        if (!Double.isFinite(value) || value <= 0 || value > 1) {
            throw new IllegalArgumentException(name + " must be in (0, 1], was " + value);
        }
    }
}
