package dev.ballast.scheduler.benchmark;

import java.util.Arrays;

/**
 * A SPECpower table: watts at 0, 10, …, 100 % CPU, linear in between. The arithmetic copies CloudSim 3.0.3's
 * {@code PowerModelSpecPower} operation for operation so the CloudSim-compatible model rounds the same way.
 */
public record SpecPowerTable(String name, double[] watts) {
    /** HP ProLiant ML110 G4 (Xeon 3040), as in CloudSim's {@code PowerModelSpecPowerHpProLiantMl110G4Xeon3040}. */
    public static final SpecPowerTable G4 = new SpecPowerTable("HP ProLiant ML110 G4",
            new double[] {86, 89.4, 92.6, 96, 99.5, 102, 106, 108, 112, 114, 117});
    /** HP ProLiant ML110 G5 (Xeon 3075), as in CloudSim's {@code PowerModelSpecPowerHpProLiantMl110G5Xeon3075}. */
    public static final SpecPowerTable G5 = new SpecPowerTable("HP ProLiant ML110 G5",
            new double[] {93.7, 97, 101, 105, 110, 116, 121, 125, 129, 133, 135});

    public SpecPowerTable {
        if (watts.length != 11) {
            throw new IllegalArgumentException("a SPECpower table has 11 points (0..100 % by 10), " + name + " has " + watts.length);
        }
        watts = watts.clone();
    }

    /** Watts at {@code utilization} in [0, 1]. */
    public double power(double utilization) {
        if (utilization < 0 || utilization > 1) {
            throw new IllegalArgumentException("utilization must be in [0, 1], was " + utilization + " for " + name);
        }
        if (utilization % 0.1 == 0) {
            return watts[(int) (utilization * 10)];
        }
        int lower = (int) Math.floor(utilization * 10);
        int upper = (int) Math.ceil(utilization * 10);
        double delta = (watts[upper] - watts[lower]) / 10;
        return watts[lower] + delta * (utilization - (double) lower / 10) * 100;
    }

    public double maxPower() {
        return watts[10];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpecPowerTable t && name.equals(t.name) && Arrays.equals(watts, t.watts);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(watts);
    }

    @Override
    public String toString() {
        return name;
    }
}
