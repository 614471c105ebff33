package dev.ballast.scheduler.planning;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Per-host-pair move costs (ROADEF's machine move cost), by host label: moving a VM from a host labelled
 * {@code labelKey=from} to one labelled {@code labelKey=to} costs {@code cost} (soft score units, like the
 * deciseconds of migration-cost). Pairs not listed, and moves between hosts of one value, cost nothing here. Costs
 * are directed: list both directions for a symmetric table.
 */
public record HostPairMoveCosts(String labelKey, List<PairCost> costs) {
    public static final HostPairMoveCosts NONE = new HostPairMoveCosts("-", List.of());

    public record PairCost(String from, String to, long cost) {
        public PairCost {
            if (from == null || from.isEmpty() || to == null || to.isEmpty()) {
                throw new IllegalArgumentException("a move cost needs two label values, was " + from + " -> " + to);
            }
            if (from.equals(to)) {
                throw new IllegalArgumentException("a move cost joins two different label values, was " + from + " -> " + to
                        + " (moves within one value are priced by migration-cost only)");
            }
            if (cost < 0) {
                throw new IllegalArgumentException("move cost " + from + " -> " + to + " must be >= 0, was " + cost);
            }
        }
    }

    public HostPairMoveCosts {
        if (labelKey == null || labelKey.isBlank() || labelKey.contains("=")) {
            throw new IllegalArgumentException("move costs need a host label key such as 'site', was '" + labelKey + "'");
        }
        costs = List.copyOf(costs);
        Set<String> pairs = new HashSet<>();
        for (PairCost c : costs) {
            if (!pairs.add(c.from() + "\u0000" + c.to())) {
                throw new IllegalArgumentException("move cost " + c.from() + " -> " + c.to() + " is given twice");
            }
        }
    }

    public boolean isEmpty() {
        return costs.isEmpty();
    }
}
