package dev.ballast.collectors.simulation;

import dev.ballast.collectors.cluster.Resources;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Seeded synthetic demand: the same seed, VM index and instant always give the same demand, so a run can be
 * replayed and a sandbox copy of the cluster sees the load the real one sees.
 */
public final class WorkloadGenerator {
    private final long seed;
    private final Duration interval;

    public WorkloadGenerator(long seed, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive, was " + interval);
        }
        this.seed = seed;
        this.interval = interval;
    }

    public Duration interval() {
        return interval;
    }

    /** Draws a profile for the VM with this index: mostly quiet VMs, some busy ones, peaks spread over the day. */
    public WorkloadProfile profileFor(int vmIndex) {
        SplittableRandom r = new SplittableRandom(mix(seed, vmIndex, -1));
        double kind = r.nextDouble();
        double base = kind < 0.6 ? 0.05 + 0.2 * r.nextDouble() : kind < 0.9 ? 0.2 + 0.3 * r.nextDouble() : 0.45 + 0.3 * r.nextDouble();
        double amplitude = Math.min(base, 0.05 + 0.25 * r.nextDouble());
        double peakHour = (13 + r.nextGaussian() * 3 + 24) % 24;
        double noise = 0.01 + 0.04 * r.nextDouble();
        double spikeProbability = 0.002 + 0.01 * r.nextDouble();
        double spikeHeight = 0.2 + 0.4 * r.nextDouble();
        int spikeIntervals = 1 + r.nextInt(4);
        double memoryBase = 0.3 + 0.5 * r.nextDouble();
        double memoryAmplitude = 0.1 * r.nextDouble();
        return new WorkloadProfile(base, amplitude, peakHour, noise, spikeProbability, spikeHeight, spikeIntervals,
                Math.min(1, memoryBase), memoryAmplitude);
    }

    /** The demand of a VM of this allocation and profile at this instant, never above the allocation. */
    public Resources demand(int vmIndex, WorkloadProfile p, Resources allocation, Instant at) {
        long step = Math.floorDiv(at.getEpochSecond(), interval.getSeconds());
        double hour = (at.getEpochSecond() % 86_400) / 3600.0;
        double daily = Math.cos(2 * Math.PI * (hour - p.peakHour()) / 24.0);
        SplittableRandom r = new SplittableRandom(mix(seed, vmIndex, step));
        double cpu = p.cpuBase() + p.cpuDailyAmplitude() * daily + p.cpuNoise() * r.nextGaussian();
        long spikeWindow = Math.floorDiv(step, p.spikeIntervals());
        if (new SplittableRandom(mix(seed ^ 0x5DEECE66DL, vmIndex, spikeWindow)).nextDouble() < p.spikeProbability() * p.spikeIntervals()) {
            cpu += p.spikeHeight();
        }
        double memory = p.memoryBase() + p.memoryDailyAmplitude() * daily + 0.005 * r.nextGaussian();
        return new Resources(allocation.cpu() * clamp(cpu, 0.01, 1.0), allocation.memoryMib() * clamp(memory, 0.05, 1.0));
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static long mix(long a, long b, long c) {
        long h = a * 0x9E3779B97F4A7C15L;
        h ^= b + 0x632BE59BD9B4E019L + (h << 6) + (h >>> 2);
        h ^= c * 0xBF58476D1CE4E5B9L + (h << 6) + (h >>> 2);
        return h;
    }
}
