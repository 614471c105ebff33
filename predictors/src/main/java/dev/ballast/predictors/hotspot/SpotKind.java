package dev.ballast.predictors.hotspot;

/** Where a host stands against the spot thresholds. */
public enum SpotKind {
    /** Some resource is above its hot threshold: relieve it. */
    HOT,
    /** Neither hot, warm nor cold. */
    NORMAL,
    /** Every resource below warm (and not cold): a good host to consolidate onto. */
    WARM,
    /** Every resource below cold: a candidate to empty and power off. */
    COLD
}
