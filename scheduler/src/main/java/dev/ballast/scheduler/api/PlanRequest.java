package dev.ballast.scheduler.api;

import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.VmId;
import dev.ballast.scheduler.planning.AffinityRule;
import dev.ballast.scheduler.planning.ConstraintIds;
import dev.ballast.scheduler.planning.Goal;
import dev.ballast.scheduler.planning.HostRule;
import dev.ballast.scheduler.planning.MigrationBudget;
import dev.ballast.scheduler.planning.PlanningRequest;
import dev.ballast.scheduler.planning.RuleStrength;
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
 * and {@code spareHosts}. It is read from the JSON tree by hand so that every bad value is answered with the path
 * of its field and what was wrong with it.
 */
record PlanRequest(PlanningRequest planning, int timeLimitSeconds) {
    static final int MAX_TIME_LIMIT_SECONDS = 600;
    private static final Set<String> FIELDS = Set.of("goal", "timeLimitSeconds", "weights", "pinned", "evacuate", "rules",
            "migrationBudget", "allowPowerOn", "spareHosts");
    private static final Set<String> RULE_FIELDS = Set.of("name", "type", "strength", "vms", "hostLabel");
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
        JsonNode rules = body.get("rules");
        if (rules != null && !rules.isNull()) {
            if (!rules.isArray()) {
                throw new BadRequestException("rules", "rules must be an array of rule objects, was " + JsonFields.show(rules));
            }
            for (int i = 0; i < rules.size(); i++) {
                rule(object(rules.get(i), "rules[" + i + "]"), "rules[" + i + "]", affinity, hostRules);
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
        return new PlanRequest(new PlanningRequest(goal, weights, pinned, evacuate, affinity, hostRules, budget, allowPowerOn,
                spareHosts, Set.of()), seconds);
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

    private static void rule(JsonNode rule, String path, List<AffinityRule> affinity, List<HostRule> hostRules) {
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
                }
                case MUST, MUST_NOT -> {
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
