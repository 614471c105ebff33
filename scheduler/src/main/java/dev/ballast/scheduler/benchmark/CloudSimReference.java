package dev.ballast.scheduler.benchmark;

import java.util.Map;
import java.util.Optional;

/** CloudSim 3.0.3's figures on the PlanetLab days (DESIGN.md §4), to print beside ours on whole-day runs. */
final class CloudSimReference {
    record Figures(double energyKwh, int migrations, double slavPercent) {
    }

    private static final Map<String, Figures> THR = Map.of(
            "20110303", new Figures(192.62, 26_711, 0.00318),
            "20110306", new Figures(144.74, 20_908, 0.00360),
            "20110309", new Figures(165.27, 23_475, 0.00405),
            "20110322", new Figures(201.70, 28_902, 0.00306),
            "20110325", new Figures(175.24, 24_883, 0.00337));
    private static final Map<String, Figures> LR = Map.of(
            "20110303", new Figures(163.48, 27_859, 0.00464),
            "20110306", new Figures(123.28, 20_878, 0.00462),
            "20110309", new Figures(142.09, 24_959, 0.00602),
            "20110322", new Figures(177.48, 32_038, 0.00464),
            "20110325", new Figures(152.58, 26_513, 0.00472));
    private static final Map<String, Double> BOUND = Map.of(
            "20110303", 114.9, "20110306", 90.6, "20110309", 104.8, "20110322", 130.7, "20110325", 106.2);

    private CloudSimReference() {
    }

    static Optional<Figures> of(String policy, String day) {
        return switch (policy) {
            case "THR-MMT 0.8" -> Optional.ofNullable(THR.get(day));
            case "LR-MMT 1.2" -> Optional.ofNullable(LR.get(day));
            case "Bound" -> Optional.ofNullable(BOUND.get(day)).map(e -> new Figures(e, 0, 0));
            default -> Optional.empty();
        };
    }
}
