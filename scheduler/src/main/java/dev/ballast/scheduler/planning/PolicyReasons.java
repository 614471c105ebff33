package dev.ballast.scheduler.planning;

import dev.ballast.scheduler.planning.Justifications.Note;
import dev.ballast.scheduler.planning.Justifications.RuleBreach;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Why each placement-policy constraint matched, read off a placement with the constraints' own arithmetic. */
final class PolicyReasons {
    private PolicyReasons() {
    }

    static List<Object> of(String id, PlacementSolution s, List<PlacementHostSums.Entry> sums, List<VmPlacement> placed) {
        PolicyFacts facts = s.getPolicies();
        List<Object> found = new ArrayList<>();
        switch (id) {
            case ConstraintIds.FAILURE_DOMAIN_SPREAD -> {
                for (PlanningSpread spread : facts.spreads()) {
                    Set<String> domains = new LinkedHashSet<>();
                    placed.stream().filter(spread::contains).forEach(p -> domains.add(spread.domainOf(p.getHost())));
                    if (!domains.isEmpty() && spread.shortfall(domains) > 0) {
                        found.add(new RuleBreach(spread.group(), "its VMs span " + spread.known(domains).size() + " " + spread.labelKey()
                                + " value(s) " + spread.known(domains) + ", at least " + spread.minDomains() + " needed"));
                    }
                }
            }
            case ConstraintIds.DEPENDENCY_LOCALITY -> {
                for (PlanningDependency d : facts.dependencies()) {
                    Set<PlanningDependency.Neighborhood> served = new LinkedHashSet<>();
                    placed.stream().filter(d::needed).forEach(p -> served.add(d.neighborhoodOf(p.getHost())));
                    Map<String, Long> stranded = new TreeMap<>();
                    placed.stream().filter(d::dependent).map(p -> d.neighborhoodOf(p.getHost())).filter(h -> !served.contains(h))
                            .forEach(h -> stranded.merge(h.toString(), 1L, Long::sum));
                    stranded.forEach((hood, n) -> found.add(new RuleBreach(d.group(), n + " VMs in " + hood + " with no VM of "
                            + d.needs() + " there")));
                }
            }
            case ConstraintIds.BALANCE_TARGET -> {
                for (BalanceTarget t : facts.balanceTargets()) {
                    usage(sums).stream().filter(u -> t.weight() > 0 && t.shortfall(u) > 0)
                            .sorted(Comparator.comparingLong(u -> -t.shortfall(u))).forEach(u -> found.add(new Note(t.describe(u))));
                }
            }
            case ConstraintIds.SAFETY_CAPACITY -> {
                for (SafetyCapacity c : facts.safetyCapacities()) {
                    usage(sums).stream().filter(u -> c.weight() > 0 && c.excess(u) > 0)
                            .sorted(Comparator.comparingLong(u -> -c.excess(u))).forEach(u -> found.add(c.describe(u)));
                }
            }
            case ConstraintIds.HOST_PAIR_MOVE_COST -> {
                for (PlanningMoveCostTable table : facts.moveCosts()) {
                    placed.stream().filter(p -> table.costOf(p) > 0).sorted(Comparator.comparingLong(p -> -table.costOf(p)))
                            .forEach(p -> found.add(new Note(table.describe(p))));
                }
            }
            case ConstraintIds.SERVICE_MOVE_COST -> {
                Map<String, Long> moved = new LinkedHashMap<>();
                for (PlanningServiceGroup g : facts.serviceGroups()) {
                    long n = placed.stream().filter(p -> p.isMoved() && g.contains(p)).count();
                    if (n > 0) {
                        moved.put(g.name(), n);
                    }
                }
                moved.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                        .forEach(e -> found.add(new RuleBreach(e.getKey(), e.getValue() + " of its VMs move")));
            }
            default -> throw new IllegalStateException("no placement policy " + id);
        }
        return found;
    }

    /** The hosts in use, as the policies' constraints see them. */
    private static List<HostUsage> usage(List<PlacementHostSums.Entry> sums) {
        return sums.stream().filter(e -> e.sums()[0] > 0).map(e -> new HostUsage(e.host(), e.sums()[1], e.sums()[3])).toList();
    }
}
