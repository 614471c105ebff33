package dev.ballast.scheduler.api;

import dev.ballast.collectors.cluster.Host;
import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.HostState;
import dev.ballast.collectors.cluster.PowerModel;
import dev.ballast.collectors.cluster.Resources;
import dev.ballast.collectors.cluster.VmId;
import dev.ballast.scheduler.planning.AffinityRule;
import dev.ballast.scheduler.planning.BalanceTarget;
import dev.ballast.scheduler.planning.ConstraintIds;
import dev.ballast.scheduler.planning.DependencyRule;
import dev.ballast.scheduler.planning.FailureDomainSpread;
import dev.ballast.scheduler.planning.Goal;
import dev.ballast.scheduler.planning.HostPairMoveCosts;
import dev.ballast.scheduler.planning.HostRule;
import dev.ballast.scheduler.planning.MigrationBudget;
import dev.ballast.scheduler.planning.PlacementPolicies;
import dev.ballast.scheduler.planning.PlanningResource;
import dev.ballast.scheduler.planning.PlanningRequest;
import dev.ballast.scheduler.planning.PolicyException;
import dev.ballast.scheduler.planning.RuleStrength;
import dev.ballast.scheduler.planning.SafetyCapacity;
import dev.ballast.scheduler.plans.Scenario;
import io.micronaut.json.tree.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.ballast.scheduler.api.JsonFields.bool;
import static dev.ballast.scheduler.api.JsonFields.enumValue;
import static dev.ballast.scheduler.api.JsonFields.object;
import static dev.ballast.scheduler.api.JsonFields.onlyKnown;
import static dev.ballast.scheduler.api.JsonFields.string;
import static dev.ballast.scheduler.api.JsonFields.strings;
import static dev.ballast.scheduler.api.JsonFields.whole;

/**
 * The body of {@code POST /api/plans}, e.g. {@code {"goal": "CONSOLIDATE", "timeLimitSeconds": 10}}, with optional
 * {@code weights}, {@code pinned}, {@code evacuate}, {@code rules}, {@code migrationBudget}, {@code allowPowerOn}
 * and {@code spareHosts}, and the machine-reassignment policies (docs/roadef.md): {@code rules[].spread},
 * {@code dependencies}, {@code balanceTargets}, {@code safetyCapacity}, {@code moveCosts} and {@code serviceMoveCost}.
 * It is read from the JSON tree by hand so that every bad value is answered with the path
 * of its field and what was wrong with it.
 */
record PlanRequest(PlanningRequest planning, Scenario scenario, int timeLimitSeconds) {
    static final int MAX_TIME_LIMIT_SECONDS = 600;
    private static final Set<String> FIELDS = Set.of("goal", "timeLimitSeconds", "weights", "pinned", "evacuate", "rules",
            "migrationBudget", "allowPowerOn", "spareHosts", "powerOff", "addHosts", "addVms", "removeVms", "demandScale",
            "vmDemandScale", "dependencies", "balanceTargets", "safetyCapacity", "moveCosts", "serviceMoveCost");
    private static final Set<String> HOST_FIELDS = Set.of("id", "cpu", "memoryMib", "labels", "idleWatts", "maxWatts");
    private static final Set<String> VM_FIELDS = Set.of("id", "vcpus", "memoryMib", "cpuDemand", "memoryDemandMib");
    private static final Set<String> RULE_FIELDS = Set.of("name", "type", "strength", "vms", "hostLabel", "spread");
    private static final Set<String> SPREAD_FIELDS = Set.of("hostLabel", "min");
    private static final Set<String> DEPENDENCY_FIELDS = Set.of("group", "needs", "hostLabel");
    private static final Set<String> BALANCE_FIELDS = Set.of("free", "against", "target", "weight");
    private static final Set<String> SAFETY_FIELDS = Set.of("resource", "fraction", "weight");
    private static final Set<String> MOVE_COSTS_FIELDS = Set.of("hostLabel", "costs");
    private static final Set<String> PAIR_COST_FIELDS = Set.of("from", "to", "cost");
    private static final Set<String> SERVICE_MOVE_COST_FIELDS = Set.of("groups");
    private static final Set<String> BUDGET_FIELDS = Set.of("maxMigrations", "maxMemoryMib");

    enum RuleType {
        AFFINITY,
        ANTI_AFFINITY,
        MUST,
        MUST_NOT
    }

    static PlanRequest parse(JsonNode body, int defaultTimeLimitSeconds, int defaultSpareHosts) {
        if (body == null || !body.isObject()) {
            throw new BadRequestException("body", "the body must be a JSON object such as {\"goal\": \"CONSOLIDATE\"}");
        }
        onlyKnown(body, "", FIELDS);
        Goal goal;
        String goalName = string(body, "", "goal");
        try {
            goal = Goal.parse(goalName);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("goal", e.getMessage());
        }
        int seconds = (int) whole(body, "", "timeLimitSeconds", 1, MAX_TIME_LIMIT_SECONDS, defaultTimeLimitSeconds);
        Map<String, Long> weights = weights(body.get("weights"));
        Set<VmId> pinned = new LinkedHashSet<>();
        strings(body, "", "pinned").forEach(v -> pinned.add(VmId.of(v)));
        Set<HostId> evacuate = new LinkedHashSet<>();
        strings(body, "", "evacuate").forEach(h -> evacuate.add(HostId.of(h)));
        if (goal == Goal.EVACUATE && evacuate.isEmpty()) {
            throw new BadRequestException("evacuate", "goal EVACUATE needs the hosts to empty in 'evacuate'");
        }
        List<AffinityRule> affinity = new ArrayList<>();
        List<HostRule> hostRules = new ArrayList<>();
        List<FailureDomainSpread> spreads = new ArrayList<>();
        JsonNode rules = body.get("rules");
        if (rules != null && !rules.isNull()) {
            if (!rules.isArray()) {
                throw new BadRequestException("rules", "rules must be an array of rule objects, was " + JsonFields.show(rules));
            }
            for (int i = 0; i < rules.size(); i++) {
                rule(object(rules.get(i), "rules[" + i + "]"), "rules[" + i + "]", affinity, hostRules, spreads);
            }
        }
        MigrationBudget budget = MigrationBudget.UNLIMITED;
        JsonNode budgetNode = body.get("migrationBudget");
        if (budgetNode != null && !budgetNode.isNull()) {
            object(budgetNode, "migrationBudget");
            onlyKnown(budgetNode, "migrationBudget", BUDGET_FIELDS);
            budget = new MigrationBudget((int) whole(budgetNode, "migrationBudget", "maxMigrations", 0, Integer.MAX_VALUE, Integer.MAX_VALUE),
                    whole(budgetNode, "migrationBudget", "maxMemoryMib", 0, Long.MAX_VALUE / 2, Long.MAX_VALUE));
        }
        boolean allowPowerOn = bool(body, "", "allowPowerOn", true);
        int spareHosts = (int) whole(body, "", "spareHosts", 0, 100, defaultSpareHosts);
        PlacementPolicies policies = policies(body, affinity, spreads);
        return new PlanRequest(new PlanningRequest(goal, weights, pinned, evacuate, affinity, hostRules, budget, allowPowerOn,
                spareHosts, Set.of(), policies), scenario(body), seconds);
    }

    private static PlacementPolicies policies(JsonNode body, List<AffinityRule> affinity, List<FailureDomainSpread> spreads) {
        Set<String> groups = new java.util.TreeSet<>();
        affinity.forEach(r -> groups.add(r.name()));
        List<DependencyRule> dependencies = new ArrayList<>();
        for (Item item : items(body, "dependencies", "dependency objects")) {
            onlyKnown(item.node(), item.path(), DEPENDENCY_FIELDS);
            String group = knownGroup(item.node(), item.path(), "group", groups);
            String needs = knownGroup(item.node(), item.path(), "needs", groups);
            String label = labelKey(item.node(), item.path());
            dependencies.add(valid(item.path(), () -> new DependencyRule(group, needs, label)));
        }
        List<BalanceTarget> balance = new ArrayList<>();
        for (Item item : items(body, "balanceTargets", "balance target objects")) {
            onlyKnown(item.node(), item.path(), BALANCE_FIELDS);
            PlanningResource free = resource(item.node(), item.path(), "free");
            PlanningResource against = resource(item.node(), item.path(), "against");
            double target = number(item.node(), item.path(), "target", 1e-6, 1e6, Double.NaN);
            if (Double.isNaN(target)) {
                throw new BadRequestException(item.path() + ".target", item.path() + ".target is required, a number > 0");
            }
            long weight = whole(item.node(), item.path(), "weight", 0, 1_000_000, 1);
            balance.add(valid(item.path(), () -> new BalanceTarget(free, against, target, weight)));
        }
        List<SafetyCapacity> safety = new ArrayList<>();
        Set<PlanningResource> safeResources = new java.util.HashSet<>();
        for (Item item : items(body, "safetyCapacity", "safety capacity objects")) {
            onlyKnown(item.node(), item.path(), SAFETY_FIELDS);
            PlanningResource resource = resource(item.node(), item.path(), "resource");
            if (!safeResources.add(resource)) {
                throw new BadRequestException(item.path() + ".resource", item.path() + ".resource: the " + resource
                        + " safety capacity is given twice");
            }
            double fraction = number(item.node(), item.path(), "fraction", 0.01, 1, Double.NaN);
            if (Double.isNaN(fraction)) {
                throw new BadRequestException(item.path() + ".fraction", item.path() + ".fraction is required, a number in (0, 1]");
            }
            long weight = whole(item.node(), item.path(), "weight", 0, 1_000_000, 1);
            safety.add(valid(item.path(), () -> new SafetyCapacity(resource, fraction, weight)));
        }
        HostPairMoveCosts moveCosts = HostPairMoveCosts.NONE;
        JsonNode costsNode = body.get("moveCosts");
        if (costsNode != null && !costsNode.isNull()) {
            object(costsNode, "moveCosts");
            onlyKnown(costsNode, "moveCosts", MOVE_COSTS_FIELDS);
            String label = labelKey(costsNode, "moveCosts");
            List<HostPairMoveCosts.PairCost> pairs = new ArrayList<>();
            for (Item item : items(costsNode, "moveCosts.costs", "costs", "objects {from, to, cost}")) {
                onlyKnown(item.node(), item.path(), PAIR_COST_FIELDS);
                String from = string(item.node(), item.path(), "from");
                String to = string(item.node(), item.path(), "to");
                long cost = whole(item.node(), item.path(), "cost", 0, 1_000_000_000L, -1);
                if (cost < 0) {
                    throw new BadRequestException(item.path() + ".cost", item.path() + ".cost is required, a whole number >= 0");
                }
                pairs.add(valid(item.path(), () -> new HostPairMoveCosts.PairCost(from, to, cost)));
            }
            if (pairs.isEmpty()) {
                throw new BadRequestException("moveCosts.costs", "moveCosts.costs must list at least one {from, to, cost}");
            }
            moveCosts = valid("moveCosts", () -> new HostPairMoveCosts(label, pairs));
        }
        Set<String> services = new LinkedHashSet<>();
        JsonNode serviceNode = body.get("serviceMoveCost");
        if (serviceNode != null && !serviceNode.isNull()) {
            object(serviceNode, "serviceMoveCost");
            onlyKnown(serviceNode, "serviceMoveCost", SERVICE_MOVE_COST_FIELDS);
            List<String> names = strings(serviceNode, "serviceMoveCost", "groups");
            if (names.isEmpty()) {
                throw new BadRequestException("serviceMoveCost.groups", "serviceMoveCost.groups must name at least one rule");
            }
            for (int i = 0; i < names.size(); i++) {
                if (!groups.contains(names.get(i))) {
                    throw new BadRequestException("serviceMoveCost.groups[" + i + "]", "serviceMoveCost.groups[" + i + "]: no affinity rule named '"
                            + names.get(i) + "' in this request; its affinity rules are " + groups);
                }
                services.add(names.get(i));
            }
        }
        try {
            return new PlacementPolicies(spreads, dependencies, balance, safety, moveCosts, services);
        } catch (PolicyException e) {
            throw new BadRequestException(e.field(), e.getMessage());
        }
    }

    /** One object of an array field, with its path for errors. */
    private record Item(JsonNode node, String path) {
    }

    private static List<Item> items(JsonNode parent, String key, String what) {
        return items(parent, key, key, what);
    }

    private static List<Item> items(JsonNode parent, String path, String key, String what) {
        JsonNode array = parent.get(key);
        List<Item> items = new ArrayList<>();
        if (array == null || array.isNull()) {
            return items;
        }
        if (!array.isArray()) {
            throw new BadRequestException(path, path + " must be an array of " + what + ", was " + JsonFields.show(array));
        }
        for (int i = 0; i < array.size(); i++) {
            String itemPath = path + "[" + i + "]";
            items.add(new Item(object(array.get(i), itemPath), itemPath));
        }
        return items;
    }

    private static String knownGroup(JsonNode node, String path, String key, Set<String> groups) {
        String name = string(node, path, key);
        if (!groups.contains(name)) {
            throw new BadRequestException(path + "." + key, path + "." + key + ": no affinity rule named '" + name
                    + "' in this request; its affinity rules are " + groups);
        }
        return name;
    }

    private static String labelKey(JsonNode node, String path) {
        String key = string(node, path, "hostLabel");
        if (key.contains("=")) {
            throw new BadRequestException(path + ".hostLabel", path + ".hostLabel is a label key such as \"rack\", without a value, was \""
                    + key + "\"");
        }
        return key;
    }

    private static PlanningResource resource(JsonNode node, String path, String key) {
        String name = string(node, path, key);
        try {
            return PlanningResource.parse(name);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(path + "." + key, path + "." + key + ": " + e.getMessage());
        }
    }

    private static <T> T valid(String path, java.util.function.Supplier<T> value) {
        try {
            return value.get();
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(path, path + ": " + e.getMessage());
        }
    }

    private static Scenario scenario(JsonNode body) {
        Set<HostId> powerOff = new LinkedHashSet<>();
        strings(body, "", "powerOff").forEach(h -> powerOff.add(HostId.of(h)));
        Set<VmId> remove = new LinkedHashSet<>();
        strings(body, "", "removeVms").forEach(v -> remove.add(VmId.of(v)));
        List<Host> hosts = new ArrayList<>();
        JsonNode addHosts = body.get("addHosts");
        if (addHosts != null && !addHosts.isNull()) {
            if (!addHosts.isArray()) {
                throw new BadRequestException("addHosts", "addHosts must be an array of host specs, was " + JsonFields.show(addHosts));
            }
            for (int i = 0; i < addHosts.size(); i++) {
                String path = "addHosts[" + i + "]";
                JsonNode h = object(addHosts.get(i), path);
                onlyKnown(h, path, HOST_FIELDS);
                double idle = whole(h, path, "idleWatts", 0, 100_000, 120);
                double max = whole(h, path, "maxWatts", 0, 100_000, 300);
                Map<String, String> labels = new LinkedHashMap<>();
                JsonNode l = h.get("labels");
                if (l != null && !l.isNull()) {
                    object(l, path + ".labels");
                    for (var e : l.entries()) {
                        labels.put(e.getKey(), string(l, path + ".labels", e.getKey()));
                    }
                }
                try {
                    hosts.add(new Host(HostId.of(string(h, path, "id")), new Resources(whole(h, path, "cpu", 1, 10_000, 0),
                            whole(h, path, "memoryMib", 1, 1L << 32, 0)), HostState.ON, PowerModel.linear(idle, max), labels));
                } catch (IllegalArgumentException e) {
                    throw new BadRequestException(path, path + ": " + e.getMessage());
                }
            }
        }
        List<Scenario.NewVm> vms = new ArrayList<>();
        JsonNode addVms = body.get("addVms");
        if (addVms != null && !addVms.isNull()) {
            if (!addVms.isArray()) {
                throw new BadRequestException("addVms", "addVms must be an array of VM specs, was " + JsonFields.show(addVms));
            }
            for (int i = 0; i < addVms.size(); i++) {
                String path = "addVms[" + i + "]";
                JsonNode v = object(addVms.get(i), path);
                onlyKnown(v, path, VM_FIELDS);
                long vcpus = whole(v, path, "vcpus", 1, 1_024, 0);
                long memory = whole(v, path, "memoryMib", 1, 1L << 32, 0);
                double cpuDemand = number(v, path, "cpuDemand", 0, vcpus, vcpus);
                double memoryDemand = number(v, path, "memoryDemandMib", 0, memory, memory);
                vms.add(new Scenario.NewVm(VmId.of(string(v, path, "id")), new Resources(vcpus, memory), new Resources(cpuDemand, memoryDemand)));
            }
        }
        double scale = number(body, "", "demandScale", 0.01, 100, 1.0);
        Map<VmId, Double> perVm = new LinkedHashMap<>();
        JsonNode vmScale = body.get("vmDemandScale");
        if (vmScale != null && !vmScale.isNull()) {
            object(vmScale, "vmDemandScale");
            for (var e : vmScale.entries()) {
                perVm.put(VmId.of(e.getKey()), number(vmScale, "vmDemandScale", e.getKey(), 0.01, 100, 1.0));
            }
        }
        return new Scenario(powerOff, hosts, vms, remove, scale, perVm);
    }

    private static double number(JsonNode parent, String path, String key, double min, double max, double fallback) {
        JsonNode node = parent.get(key);
        String field = JsonFields.join(path, key);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isNumber() || !Double.isFinite(node.getNumberValue().doubleValue())) {
            throw new BadRequestException(field, field + " must be a number, was " + JsonFields.show(node));
        }
        double value = node.getNumberValue().doubleValue();
        if (value < min || value > max) {
            throw new BadRequestException(field, field + " must be between " + min + " and " + max + ", was " + JsonFields.show(node));
        }
        return value;
    }

    private static Map<String, Long> weights(JsonNode node) {
        Map<String, Long> weights = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return weights;
        }
        object(node, "weights");
        for (var entry : node.entries()) {
            String id = entry.getKey();
            if (!ConstraintIds.SOFT.contains(id)) {
                throw new BadRequestException("weights." + id, "weights." + id + ": "
                        + (ConstraintIds.ALL.contains(id) ? "hard and medium constraints keep their weight" : "no such constraint")
                        + "; soft constraints are " + ConstraintIds.SOFT);
            }
            weights.put(id, whole(node, "weights", id, 0, 1_000_000_000L, 0));
        }
        return weights;
    }

    private static void rule(JsonNode rule, String path, List<AffinityRule> affinity, List<HostRule> hostRules,
                             List<FailureDomainSpread> spreads) {
        onlyKnown(rule, path, RULE_FIELDS);
        String name = string(rule, path, "name");
        RuleType type = enumValue(rule, path, "type", RuleType.class, null);
        RuleStrength strength = enumValue(rule, path, "strength", RuleStrength.class, RuleStrength.HARD);
        Set<VmId> vms = new LinkedHashSet<>();
        strings(rule, path, "vms").forEach(v -> vms.add(VmId.of(v)));
        try {
            switch (type) {
                case AFFINITY, ANTI_AFFINITY -> {
                    if (rule.get("hostLabel") != null) {
                        throw new BadRequestException(path + ".hostLabel", path + ".hostLabel belongs to MUST and MUST_NOT rules, not " + type);
                    }
                    affinity.add(new AffinityRule(name, type == RuleType.AFFINITY ? AffinityRule.Kind.AFFINITY : AffinityRule.Kind.ANTI_AFFINITY,
                            strength, vms));
                    JsonNode spread = rule.get("spread");
                    if (spread != null && !spread.isNull()) {
                        String spreadPath = path + ".spread";
                        if (type != RuleType.ANTI_AFFINITY || strength != RuleStrength.HARD) {
                            throw new BadRequestException(spreadPath, spreadPath + " belongs to hard ANTI_AFFINITY rules, not "
                                    + strength + " " + type);
                        }
                        object(spread, spreadPath);
                        onlyKnown(spread, spreadPath, SPREAD_FIELDS);
                        String label = labelKey(spread, spreadPath);
                        int min = (int) whole(spread, spreadPath, "min", 1, 1_000, 0);
                        if (min == 0) {
                            throw new BadRequestException(spreadPath + ".min", spreadPath + ".min is required, the number of distinct "
                                    + label + " values the VMs must span");
                        }
                        spreads.add(valid(spreadPath, () -> new FailureDomainSpread(name, label, min)));
                    }
                }
                case MUST, MUST_NOT -> {
                    if (rule.get("spread") != null) {
                        throw new BadRequestException(path + ".spread", path + ".spread belongs to hard ANTI_AFFINITY rules, not " + type);
                    }
                    String label = string(rule, path, "hostLabel");
                    int eq = label.indexOf('=');
                    if (eq <= 0) {
                        throw new BadRequestException(path + ".hostLabel", path + ".hostLabel must be key=value, was \"" + label + "\"");
                    }
                    hostRules.add(new HostRule(name, type == RuleType.MUST ? HostRule.Kind.MUST : HostRule.Kind.MUST_NOT, strength, vms,
                            label.substring(0, eq), label.substring(eq + 1)));
                }
            }
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(path, path + ": " + e.getMessage());
        }
    }
}
