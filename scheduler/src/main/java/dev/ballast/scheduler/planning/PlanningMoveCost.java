package dev.ballast.scheduler.planning;

/** One entry of the per-host-pair move cost table as the solver sees it (a problem fact). */
public record PlanningMoveCost(String labelKey, String from, String to, long cost) {
    /** Whether moving the VM from its current host to its planned one is this pair. */
    public boolean prices(VmPlacement p) {
        return from.equals(p.getCurrentHost().getLabels().get(labelKey)) && to.equals(p.getHost().getLabels().get(labelKey));
    }
}
