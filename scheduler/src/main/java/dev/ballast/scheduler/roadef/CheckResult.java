package dev.ballast.scheduler.roadef;

import java.util.List;
import java.util.Map;

/**
 * What the checker found: the number of violations of each hard constraint (capacity, conflict, spread, dependency,
 * transient), the first few described in words, and the costs (computed whether feasible or not).
 */
public record CheckResult(Map<String, Integer> violationCounts, List<String> firstViolations, CostBreakdown costs) {

    public CheckResult {
        violationCounts = Map.copyOf(violationCounts);
        firstViolations = List.copyOf(firstViolations);
    }

    public boolean feasible() {
        return violationCounts.values().stream().allMatch(count -> count == 0);
    }

    public int violationCount() {
        return violationCounts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
