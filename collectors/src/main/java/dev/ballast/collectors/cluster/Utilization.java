package dev.ballast.collectors.cluster;

/** Used over capacity, per resource: 0.5 is half full; above 1 is overloaded. */
public record Utilization(double cpu, double memory) {
    public Utilization {
        if (!Double.isFinite(cpu) || cpu < 0 || !Double.isFinite(memory) || memory < 0) {
            throw new IllegalArgumentException("utilization must be finite and >= 0, was cpu=" + cpu + " memory=" + memory);
        }
    }

    public double max() {
        return Math.max(cpu, memory);
    }

    public double mean() {
        return (cpu + memory) / 2;
    }
}
