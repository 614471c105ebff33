package dev.ballast.scheduler.planning;

import dev.ballast.collectors.cluster.ClusterSnapshot;
import dev.ballast.collectors.cluster.Host;
import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.VmId;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Checks a request's placement policies against the cluster and its rules before any solving: every rule they name
 * exists (a spread's is an anti-affinity rule), every host label key and value they name is on some host, and no
 * hard policy is impossible from the start (a spread wider than the domains the usable hosts offer or than the
 * group's VMs, pinned VMs that already break a spread or a dependency for good).
 */
final class PolicyValidator {
    void validate(ClusterSnapshot cluster, PlanningRequest request, Predicate<Host> usable) {
        PlacementPolicies policies = request.policies();
        Map<String, AffinityRule> groups = new HashMap<>();
        request.affinityRules().forEach(r -> groups.put(r.name(), r));
        for (FailureDomainSpread s : policies.spreads()) {
            AffinityRule rule = group(groups, s.group(), "rules", "spread over " + s.labelKey());
            if (rule.kind() != AffinityRule.Kind.ANTI_AFFINITY) {
                throw new PolicyException("rules", "rule " + s.group() + " is an AFFINITY rule: only ANTI_AFFINITY rules spread over "
                        + "failure domains");
            }
            if (rule.strength() != RuleStrength.HARD) {
                throw new PolicyException("rules", "rule " + s.group() + " is a SOFT rule: only HARD ANTI_AFFINITY rules spread over "
                        + "failure domains (the spread is hard)");
            }
            labelKnown(cluster, s.labelKey(), "rules", "the spread of rule " + s.group());
            Set<String> domains = new TreeSet<>();
            cluster.hosts().stream().filter(usable).forEach(h -> {
                String v = h.labels().get(s.labelKey());
                if (v != null) {
                    domains.add(v);
                }
            });
            if (domains.size() < s.minDomains()) {
                throw new PolicyException("rules", "rule " + s.group() + " must span " + s.minDomains() + " values of " + s.labelKey()
                        + " but the hosts that can hold VMs have only " + domains.size() + " " + domains);
            }
            if (rule.vms().size() < s.minDomains()) {
                throw new PolicyException("rules", "rule " + s.group() + " must span " + s.minDomains() + " values of " + s.labelKey()
                        + " but has only " + rule.vms().size() + " VMs");
            }
            if (request.pinned().containsAll(rule.vms())) {
                Set<String> pinnedDomains = new TreeSet<>();
                rule.vms().forEach(vm -> {
                    String v = hostOf(cluster, vm).labels().get(s.labelKey());
                    if (v != null) {
                        pinnedDomains.add(v);
                    }
                });
                if (pinnedDomains.size() < s.minDomains()) {
                    throw new PolicyException("rules", "rule " + s.group() + " must span " + s.minDomains() + " values of " + s.labelKey()
                            + " but all its VMs are pinned, on " + pinnedDomains);
                }
            }
        }
        for (DependencyRule d : policies.dependencies()) {
            String what = "dependency " + d.group() + " -> " + d.needs();
            AffinityRule dependent = group(groups, d.group(), "dependencies", what);
            AffinityRule needed = group(groups, d.needs(), "dependencies", what);
            labelKnown(cluster, d.labelKey(), "dependencies", what);
            if (request.pinned().containsAll(needed.vms())) {
                Set<String> served = new TreeSet<>();
                needed.vms().forEach(vm -> served.add(neighborhood(hostOf(cluster, vm), d.labelKey())));
                for (VmId vm : new TreeSet<>(dependent.vms())) {
                    String hood = neighborhood(hostOf(cluster, vm), d.labelKey());
                    if (request.pinned().contains(vm) && !served.contains(hood)) {
                        throw new PolicyException("dependencies", what + " can never hold: " + vm + " is pinned in " + d.labelKey() + "="
                                + hood + " and every VM of " + d.needs() + " is pinned elsewhere, in " + served);
                    }
                }
            }
        }
        HostPairMoveCosts costs = policies.moveCosts();
        if (!costs.isEmpty()) {
            labelKnown(cluster, costs.labelKey(), "moveCosts", "the move cost table");
            Set<String> values = new TreeSet<>();
            cluster.hosts().forEach(h -> {
                String v = h.labels().get(costs.labelKey());
                if (v != null) {
                    values.add(v);
                }
            });
            for (HostPairMoveCosts.PairCost c : costs.costs()) {
                for (String v : List.of(c.from(), c.to())) {
                    if (!values.contains(v)) {
                        throw new PolicyException("moveCosts", "move cost " + c.from() + " -> " + c.to() + ": no host is labelled "
                                + costs.labelKey() + "=" + v + "; the values of " + costs.labelKey() + " are " + values);
                    }
                }
            }
        }
        for (String g : new TreeSet<>(policies.serviceMoveCostGroups())) {
            group(groups, g, "serviceMoveCost", "the per-service move cost");
        }
    }

    private static AffinityRule group(Map<String, AffinityRule> groups, String name, String field, String what) {
        AffinityRule rule = groups.get(name);
        if (rule == null) {
            throw new PolicyException(field, what + " names rule '" + name + "' which the request does not have; its affinity rules are "
                    + new TreeSet<>(groups.keySet()));
        }
        return rule;
    }

    private static void labelKnown(ClusterSnapshot cluster, String key, String field, String what) {
        if (cluster.hosts().stream().noneMatch(h -> h.labels().containsKey(key))) {
            Set<String> keys = new TreeSet<>();
            cluster.hosts().forEach(h -> keys.addAll(h.labels().keySet()));
            throw new PolicyException(field, what + " uses host label '" + key + "' which no host has; host label keys are " + keys);
        }
    }

    private static Host hostOf(ClusterSnapshot cluster, VmId vm) {
        HostId id = cluster.placement().get(vm);
        return cluster.host(id).orElseThrow();
    }

    private static String neighborhood(Host host, String key) {
        String v = host.labels().get(key);
        return v != null ? v : "(host " + host.id() + ")";
    }
}
