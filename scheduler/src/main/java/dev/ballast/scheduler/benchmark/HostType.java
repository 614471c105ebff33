package dev.ballast.scheduler.benchmark;

/** A server model of the benchmark: cores of equal speed, RAM, and its power table. */
public record HostType(String name, int pes, double peMips, int ramMb, SpecPowerTable power) {
    public static final HostType G4 = new HostType("G4", 2, 1860, 4096, SpecPowerTable.G4);
    public static final HostType G5 = new HostType("G5", 2, 2660, 4096, SpecPowerTable.G5);

    public HostType {
        if (pes < 1 || peMips <= 0 || ramMb <= 0) {
            throw new IllegalArgumentException("host type " + name + " needs pes >= 1, peMips > 0, ramMb > 0; was "
                    + pes + ", " + peMips + ", " + ramMb);
        }
    }

    public double totalMips() {
        return pes * peMips;
    }
}
