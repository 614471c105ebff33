package dev.ballast.scheduler.api;

import dev.ballast.scheduler.planning.PlanningRequest;
import dev.ballast.scheduler.planning.PolicyException;
import dev.ballast.scheduler.planning.StandingRules;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads the standing rules of {@code ballast.planning.standing-rules-file}: a JSON object with the plan request's
 * rule and policy fields ({@code rules}, {@code dependencies}, {@code balanceTargets}, {@code safetyCapacity},
 * {@code moveCosts}, {@code serviceMoveCost}, {@code weights}), checked exactly as a request's are. An error names
 * the file and the field.
 */
public final class StandingRulesFile {
    static final Set<String> FIELDS = Set.of("rules", "dependencies", "balanceTargets", "safetyCapacity", "moveCosts",
            "serviceMoveCost", "weights");

    private StandingRulesFile() {
    }

    public static StandingRules read(Path file, JsonMapper json) {
        String where = "ballast.planning.standing-rules-file " + file;
        JsonNode body;
        try {
            body = json.readValue(Files.readAllBytes(file), JsonNode.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(where + " cannot be read as JSON: " + e.getMessage(), e);
        }
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException(where + " must hold a JSON object with any of " + FIELDS);
        }
        for (var entry : body.entries()) {
            if (!FIELDS.contains(entry.getKey())) {
                throw new IllegalArgumentException(where + ": field '" + entry.getKey() + "' is not a standing rule; the file may hold " + FIELDS);
            }
        }
        Map<String, JsonNode> request = new LinkedHashMap<>();
        body.entries().forEach(e -> request.put(e.getKey(), e.getValue()));
        request.put("goal", JsonNode.createStringNode("BALANCE"));
        try {
            PlanningRequest parsed = PlanRequest.parse(JsonNode.createObjectNode(request), 1, 0).planning();
            return new StandingRules(where, parsed.affinityRules(), parsed.hostRules(), parsed.policies(), parsed.weightOverrides());
        } catch (BadRequestException e) {
            throw new IllegalArgumentException(where + ": " + e.field() + ": " + e.getMessage(), e);
        } catch (PolicyException e) {
            throw new IllegalArgumentException(where + ": " + e.field() + ": " + e.getMessage(), e);
        }
    }
}
