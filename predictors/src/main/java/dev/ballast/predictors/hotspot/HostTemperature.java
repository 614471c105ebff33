package dev.ballast.predictors.hotspot;

import java.util.Objects;

/**
 * A host's classification, its skewness, and its temperature: {@code sum over overloaded resources r of
 * (r - r_hot)^2}, 0 unless hot. Hot spots are relieved hottest first.
 */
public record HostTemperature(SpotKind kind, double skewness, double temperature) {
    public HostTemperature {
        Objects.requireNonNull(kind, "spot kind");
        if (!Double.isFinite(skewness) || skewness < 0) {
            throw new IllegalArgumentException("skewness must be finite and >= 0, was " + skewness);
        }
        if (!Double.isFinite(temperature) || temperature < 0) {
            throw new IllegalArgumentException("temperature must be finite and >= 0, was " + temperature);
        }
    }
}
