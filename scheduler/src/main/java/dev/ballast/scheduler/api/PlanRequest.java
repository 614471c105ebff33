package dev.ballast.scheduler.api;

import dev.ballast.scheduler.planning.Goal;
import io.micronaut.json.tree.JsonNode;

import java.util.Set;

/**
 * The body of {@code POST /api/plans}: {@code {"goal": "CONSOLIDATE", "timeLimitSeconds": 10}}. It is read from the
 * JSON tree by hand so that every bad value is answered with the name of its field and what was wrong with it.
 */
record PlanRequest(Goal goal, int timeLimitSeconds) {
    static final int MAX_TIME_LIMIT_SECONDS = 600;
    private static final Set<String> FIELDS = Set.of("goal", "timeLimitSeconds");

    static PlanRequest parse(JsonNode body, int defaultTimeLimitSeconds) {
        if (body == null || !body.isObject()) {
            throw new BadRequestException("body", "the body must be a JSON object such as {\"goal\": \"CONSOLIDATE\"}");
        }
        for (var entry : body.entries()) {
            if (!FIELDS.contains(entry.getKey())) {
                throw new BadRequestException(entry.getKey(), "unknown field '" + entry.getKey() + "', expected " + FIELDS);
            }
        }
        JsonNode goalNode = body.get("goal");
        if (goalNode == null || goalNode.isNull()) {
            throw new BadRequestException("goal", "goal is required, one of " + Goal.names());
        }
        if (!goalNode.isString()) {
            throw new BadRequestException("goal", "goal must be a string, one of " + Goal.names() + ", was " + show(goalNode));
        }
        Goal goal;
        try {
            goal = Goal.parse(goalNode.getStringValue());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("goal", e.getMessage());
        }
        int seconds = defaultTimeLimitSeconds;
        JsonNode limit = body.get("timeLimitSeconds");
        if (limit != null && !limit.isNull()) {
            if (!limit.isNumber() || limit.getNumberValue().doubleValue() != Math.rint(limit.getNumberValue().doubleValue())) {
                throw new BadRequestException("timeLimitSeconds", "timeLimitSeconds must be a whole number of seconds, was " + show(limit));
            }
            double value = limit.getNumberValue().doubleValue();
            if (value < 1 || value > MAX_TIME_LIMIT_SECONDS) {
                throw new BadRequestException("timeLimitSeconds", "timeLimitSeconds must be between 1 and "
                        + MAX_TIME_LIMIT_SECONDS + ", was " + show(limit));
            }
            seconds = (int) value;
        }
        return new PlanRequest(goal, seconds);
    }

    /** A JSON value as the client wrote it, for error messages. */
    private static String show(JsonNode node) {
        if (node.isString()) {
            return "\"" + node.getStringValue() + "\"";
        }
        if (node.isNumber()) {
            return String.valueOf(node.getNumberValue());
        }
        if (node.isBoolean()) {
            return String.valueOf(node.getBooleanValue());
        }
        return node.isArray() ? "an array" : node.isObject() ? "an object" : "null";
    }
}
