package dev.ballast.scheduler.planning;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import dev.ballast.scheduler.planning.bench.SyntheticCluster;
import dev.ballast.scheduler.planning.solver.PlacementSolverConfig;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The breakdown's grouped calculation gives every constraint the part it scores when weighted alone. */
class ScoreBreakdownTest {
    @Test
    void eachPartEqualsTheScoreOfItsConstraintAlone() {
        SyntheticCluster cluster = SyntheticCluster.generate(20, 200, 3);
        PlacementSolution solution = new PlacementProblemBuilder(PlanningSettings.defaults())
                .build(cluster.snapshot(), cluster.demand(), PlanningRequest.of(Goal.BALANCE));
        // the real current placement: hot spot included, so hard parts are not zero
        solution.getPlacements().forEach(p -> p.setHost(p.getCurrentHost()));
        SolutionManager<PlacementSolution, HardMediumSoftScore> manager = SolutionManager.create(
                SolverFactory.create(PlacementSolverConfig.create(PlacementSolverConfig.Tuning.TUNED, 0)));
        ConstraintWeightOverrides<HardMediumSoftScore> weights = solution.getConstraintWeightOverrides();

        Map<String, ScoreBreakdown.Part> parts = new ScoreBreakdown(manager).parts(solution);

        assertThat(parts.keySet()).containsExactlyElementsOf(ConstraintIds.ALL);
        assertThat(parts.get(ConstraintIds.CPU_CAPACITY).score().hardScore()).isNegative();
        HardMediumSoftScore total = HardMediumSoftScore.ZERO;
        for (String id : ConstraintIds.ALL) {
            Map<String, HardMediumSoftScore> only = new LinkedHashMap<>();
            ConstraintIds.ALL.forEach(other -> only.put(other, other.equals(id) ? weights.getConstraintWeight(id) : HardMediumSoftScore.ZERO));
            solution.setConstraintWeightOverrides(ConstraintWeightOverrides.of(only));
            assertThat(parts.get(id).score()).as(id).isEqualTo(manager.update(solution));
            total = total.add(parts.get(id).score());
        }
        solution.setConstraintWeightOverrides(weights);
        assertThat(total).isEqualTo(manager.update(solution));
    }
}
