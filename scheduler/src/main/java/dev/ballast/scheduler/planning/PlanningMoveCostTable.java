package dev.ballast.scheduler.planning;

import java.util.HashMap;
import java.util.Map;

/**
 * The per-host-pair move cost table as the solver sees it (a problem fact): costs by the label values of the current
 * and the planned host, looked up in a map so that a moved VM costs one lookup however large the table.
 */
public final class PlanningMoveCostTable {
    private final String labelKey;
    private final Map<String, Map<String, Long>> costs = new HashMap<>();

    public PlanningMoveCostTable(HostPairMoveCosts table) {
        this.labelKey = table.labelKey();
        table.costs().forEach(c -> costs.computeIfAbsent(c.from(), k -> new HashMap<>()).put(c.to(), c.cost()));
    }

    public String labelKey() {
        return labelKey;
    }

    /** What moving the VM from its current host to its planned one costs (0 when not moved or not in the table). */
    public long costOf(VmPlacement p) {
        if (!p.isMoved()) {
            return 0;
        }
        Map<String, Long> from = costs.get(p.getCurrentHost().getLabels().get(labelKey));
        if (from == null) {
            return 0;
        }
        Long cost = from.get(p.getHost().getLabels().get(labelKey));
        return cost == null ? 0 : cost;
    }

    String describe(VmPlacement p) {
        return p.getId() + " " + p.getCurrentHost().getId() + " -> " + p.getHost().getId() + " crosses " + labelKey + " "
                + p.getCurrentHost().getLabels().get(labelKey) + " -> " + p.getHost().getLabels().get(labelKey) + ", cost " + costOf(p);
    }
}
