package dev.ballast.scheduler.planning;

import dev.ballast.collectors.cluster.ClusterSnapshot;
import dev.ballast.collectors.cluster.Host;
import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.HostState;
import dev.ballast.collectors.cluster.Vm;
import dev.ballast.collectors.cluster.VmId;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Rejects requests whose hard rules can never all hold, naming the rules, before any solving: two VMs that must
 * share a host and must not; a VM that must and must not run on the same label; a VM pinned where a hard rule
 * forbids it; an anti-affinity group larger than the hosts that could hold it; unknown VMs or hosts; duplicate
 * rule names; and the placement policies that name unknown rules or labels or can never hold ({@link PolicyValidator}).
 */
final class RuleValidator {
    void validate(ClusterSnapshot cluster, PlanningRequest request) {
        Set<VmId> vms = new HashSet<>();
        cluster.vms().forEach(v -> vms.add(v.id()));
        Set<HostId> hosts = new HashSet<>();
        cluster.hosts().forEach(h -> hosts.add(h.id()));
        Set<String> names = new HashSet<>();
        for (AffinityRule r : request.affinityRules()) {
            unique(names, r.name());
            known(vms, r.vms(), r.name());
        }
        for (HostRule r : request.hostRules()) {
            unique(names, r.name());
            known(vms, r.vms(), r.name());
        }
        for (VmId vm : request.pinned()) {
            if (!vms.contains(vm)) {
                throw new IllegalArgumentException("pinned VM " + vm + " is not in the cluster");
            }
        }
        for (HostId h : request.evacuate()) {
            if (!hosts.contains(h)) {
                throw new IllegalArgumentException("host to evacuate " + h + " is not in the cluster");
            }
        }
        hardAffinityAgainstAntiAffinity(request);
        mustAgainstMustNot(request);
        antiAffinityLargerThanHosts(cluster, request);
        pinnedAgainstRules(cluster, request);
        new PolicyValidator().validate(cluster, request, h -> usable(h, request));
    }

    private static boolean usable(Host h, PlanningRequest request) {
        return !request.evacuate().contains(h.id()) && h.state() != HostState.MAINTENANCE
                && (h.state() == HostState.ON || h.state() == HostState.OFF && request.allowPowerOn());
    }

    private static void unique(Set<String> names, String name) {
        if (!names.add(name)) {
            throw new ContradictoryRulesException(List.of(name), "two rules are named '" + name + "'; rule names must be unique");
        }
    }

    private static void known(Set<VmId> vms, Set<VmId> named, String rule) {
        Set<String> unknown = new TreeSet<>();
        named.stream().filter(v -> !vms.contains(v)).forEach(v -> unknown.add(v.value()));
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("rule " + rule + " names VMs that are not in the cluster: " + unknown);
        }
    }

    private static void hardAffinityAgainstAntiAffinity(PlanningRequest request) {
        for (AffinityRule together : request.affinityRules()) {
            if (together.kind() != AffinityRule.Kind.AFFINITY || together.strength() != RuleStrength.HARD) {
                continue;
            }
            for (AffinityRule apart : request.affinityRules()) {
                if (apart.kind() != AffinityRule.Kind.ANTI_AFFINITY || apart.strength() != RuleStrength.HARD) {
                    continue;
                }
                Set<VmId> both = new TreeSet<>(together.vms());
                both.retainAll(apart.vms());
                if (both.size() >= 2) {
                    throw new ContradictoryRulesException(List.of(together.name(), apart.name()), "rules " + together.name()
                            + " (affinity) and " + apart.name() + " (anti-affinity) both bind " + both + ": they cannot share a host and not share one");
                }
            }
        }
    }

    private static void mustAgainstMustNot(PlanningRequest request) {
        List<HostRule> hard = request.hostRules().stream().filter(r -> r.strength() == RuleStrength.HARD).toList();
        for (HostRule must : hard) {
            for (HostRule mustNot : hard) {
                if (must.kind() == HostRule.Kind.MUST && mustNot.kind() == HostRule.Kind.MUST_NOT
                        && must.label().equals(mustNot.label())) {
                    Set<VmId> both = new TreeSet<>(must.vms());
                    both.retainAll(mustNot.vms());
                    if (!both.isEmpty()) {
                        throw new ContradictoryRulesException(List.of(must.name(), mustNot.name()), "rules " + must.name() + " and "
                                + mustNot.name() + " require and forbid " + must.label() + " for " + both);
                    }
                }
            }
        }
    }

    private static void antiAffinityLargerThanHosts(ClusterSnapshot cluster, PlanningRequest request) {
        long usable = cluster.hosts().stream().filter(h -> usable(h, request)).count();
        for (AffinityRule r : request.affinityRules()) {
            if (r.kind() == AffinityRule.Kind.ANTI_AFFINITY && r.strength() == RuleStrength.HARD && r.vms().size() > usable) {
                throw new ContradictoryRulesException(List.of(r.name()), "rule " + r.name() + " spreads " + r.vms().size()
                        + " VMs over distinct hosts but only " + usable + " hosts can hold VMs");
            }
        }
    }

    private static void pinnedAgainstRules(ClusterSnapshot cluster, PlanningRequest request) {
        Map<VmId, HostId> placement = cluster.placement();
        for (HostRule r : request.hostRules()) {
            if (r.strength() != RuleStrength.HARD) {
                continue;
            }
            for (VmId vm : r.vms()) {
                if (request.pinned().contains(vm)) {
                    Host host = cluster.host(placement.get(vm)).orElseThrow();
                    boolean broken = r.kind() == HostRule.Kind.MUST != r.matches(host);
                    if (broken) {
                        throw new ContradictoryRulesException(List.of(r.name()), "vm " + vm + " is pinned on " + host.id()
                                + " which rule " + r.name() + " forbids (" + r.kind() + " " + r.label() + ")");
                    }
                }
            }
        }
        for (AffinityRule r : request.affinityRules()) {
            if (r.strength() != RuleStrength.HARD) {
                continue;
            }
            List<VmId> pinned = new ArrayList<>(r.vms().stream().filter(request.pinned()::contains).sorted().toList());
            Set<HostId> pinnedHosts = new TreeSet<>();
            pinned.forEach(v -> pinnedHosts.add(placement.get(v)));
            if (r.kind() == AffinityRule.Kind.AFFINITY && pinnedHosts.size() > 1) {
                throw new ContradictoryRulesException(List.of(r.name()), "rule " + r.name() + " keeps " + pinned
                        + " together but they are pinned on different hosts " + pinnedHosts);
            }
            if (r.kind() == AffinityRule.Kind.ANTI_AFFINITY && pinnedHosts.size() < pinned.size()) {
                throw new ContradictoryRulesException(List.of(r.name()), "rule " + r.name() + " keeps " + pinned
                        + " apart but some are pinned on the same host");
            }
        }
    }

}
