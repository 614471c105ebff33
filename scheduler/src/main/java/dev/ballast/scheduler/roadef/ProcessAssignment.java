package dev.ballast.scheduler.roadef;

import ai.timefold.solver.core.api.domain.common.PlanningId;
import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;

/**
 * The planning entity: a process and the machine the plan puts it on. It keeps its original machine so that moves
 * are priced and transient usage is held there (the pattern of Ballast's {@code VmPlacement}).
 */
@PlanningEntity
public final class ProcessAssignment {
    @PlanningId
    private Integer id;
    private RoadefProcess process;
    private RoadefMachine originalMachine;

    @PlanningVariable
    private RoadefMachine machine;

    ProcessAssignment() {
        // for Timefold's cloning
    }

    public ProcessAssignment(RoadefProcess process, RoadefMachine originalMachine) {
        this.id = process.index();
        this.process = process;
        this.originalMachine = originalMachine;
        this.machine = originalMachine;
    }

    ProcessAssignment copy() {
        ProcessAssignment copy = new ProcessAssignment();
        copy.id = id;
        copy.process = process;
        copy.originalMachine = originalMachine;
        copy.machine = machine;
        return copy;
    }

    public Integer getId() {
        return id;
    }

    public RoadefProcess getProcess() {
        return process;
    }

    public RoadefMachine getOriginalMachine() {
        return originalMachine;
    }

    public RoadefMachine getMachine() {
        return machine;
    }

    public void setMachine(RoadefMachine machine) {
        this.machine = machine;
    }

    public boolean isMoved() {
        return machine != originalMachine;
    }

    @Override
    public String toString() {
        return "process " + id + " on " + machine;
    }
}
