package dev.ballast.scheduler.roadef;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.ProblemFactProperty;
import ai.timefold.solver.core.api.domain.solution.cloner.SolutionCloner;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.HardSoftScore;

import java.util.ArrayList;
import java.util.List;

/**
 * The planning solution: machines (facts and the value range) and one assignment per process. The hard score counts
 * constraint violations; the soft score is minus the challenge's cost, so a feasible solution's cost is
 * {@code -score.softScore()}.
 */
@PlanningSolution(solutionCloner = MachineReassignment.Cloner.class)
public final class MachineReassignment {
    private RoadefInstance instance;

    @ProblemFactCollectionProperty
    @ValueRangeProvider
    private List<RoadefMachine> machines;

    @ProblemFactCollectionProperty
    private List<ServiceDependency> dependencies;

    @ProblemFactProperty
    private CostModel costModel;

    @PlanningEntityCollectionProperty
    private List<ProcessAssignment> assignments;

    @PlanningScore
    private HardSoftScore score;

    MachineReassignment() {
        // for Timefold's cloning
    }

    /** Starts at the original assignment (warm start): every process on its original machine. */
    public static MachineReassignment startingFromOriginal(RoadefInstance instance) {
        List<ProcessAssignment> assignments = new ArrayList<>(instance.processCount());
        for (RoadefProcess process : instance.processes()) {
            assignments.add(new ProcessAssignment(process, instance.services().get(process.service()),
                    instance.machines().get(instance.originalMachines()[process.index()])));
        }
        MachineReassignment solution = new MachineReassignment();
        solution.instance = instance;
        solution.machines = instance.machines();
        solution.assignments = assignments;
        solution.dependencies = new ArrayList<>();
        for (RoadefService service : instance.services()) {
            for (int dependency : service.dependencies()) {
                solution.dependencies.add(new ServiceDependency(service, instance.services().get(dependency)));
            }
        }
        solution.costModel = CostModel.of(instance);
        return solution;
    }

    public RoadefInstance getInstance() {
        return instance;
    }

    public List<RoadefMachine> getMachines() {
        return machines;
    }

    public List<ProcessAssignment> getAssignments() {
        return assignments;
    }

    public List<ServiceDependency> getDependencies() {
        return dependencies;
    }

    public CostModel getCostModel() {
        return costModel;
    }

    public HardSoftScore getScore() {
        return score;
    }

    public void setScore(HardSoftScore score) {
        this.score = score;
    }

    /**
     * Copies the assignments and shares every fact. Timefold clones the working solution at every new best score,
     * which early in a B instance is almost every step; its reflective cloner made that the bottleneck on 50,000
     * processes, this loop does not.
     */
    public static final class Cloner implements SolutionCloner<MachineReassignment> {
        @Override
        public MachineReassignment cloneSolution(MachineReassignment original) {
            List<ProcessAssignment> assignments = new ArrayList<>(original.assignments.size());
            for (ProcessAssignment assignment : original.assignments) {
                assignments.add(assignment.copy());
            }
            MachineReassignment clone = new MachineReassignment();
            clone.instance = original.instance;
            clone.machines = original.machines;
            clone.dependencies = original.dependencies;
            clone.costModel = original.costModel;
            clone.assignments = assignments;
            clone.score = original.score;
            return clone;
        }
    }

    /** The machine index of every process, in the challenge's solution format. */
    public int[] machineIndices() {
        int[] machineIndices = new int[assignments.size()];
        for (ProcessAssignment assignment : assignments) {
            machineIndices[assignment.getId()] = assignment.getMachine().index();
        }
        return machineIndices;
    }
}
