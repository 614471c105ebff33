package dev.ballast.scheduler.roadef;

import ai.timefold.solver.core.api.domain.common.PlanningId;
import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;

import java.util.List;

/**
 * The planning entity: a process and the machine the plan puts it on. It keeps its original machine so that moves
 * are priced and transient usage is held there (the pattern of Ballast's {@code VmPlacement}).
 */
@PlanningEntity
public final class ProcessAssignment {
    @PlanningId
    private Integer id;
    private RoadefProcess process;
    private RoadefService service;
    private RoadefMachine originalMachine;

    @PlanningVariable
    private RoadefMachine machine;

    ProcessAssignment() {
        // for Timefold's cloning
    }

    public ProcessAssignment(RoadefProcess process, RoadefService service, RoadefMachine originalMachine) {
        if (process.service() != service.index()) {
            throw new IllegalArgumentException("process " + process.index() + " belongs to service " + process.service()
                    + ", not " + service.index());
        }
        this.id = process.index();
        this.process = process;
        this.service = service;
        this.originalMachine = originalMachine;
        this.machine = originalMachine;
    }

    ProcessAssignment copy() {
        ProcessAssignment copy = new ProcessAssignment();
        copy.id = id;
        copy.process = process;
        copy.service = service;
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

    public RoadefService getService() {
        return service;
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

    public int location() {
        return machine.location();
    }

    public int neighborhood() {
        return machine.neighborhood();
    }

    /** Where this process holds resources: its machine and, once moved, its original machine too. */
    public List<TransientHold> transientHolds() {
        TransientHold here = new TransientHold(machine, process);
        return isMoved() ? List.of(here, new TransientHold(originalMachine, process)) : List.of(here);
    }

    @Override
    public String toString() {
        return "process " + id + " on " + machine;
    }
}
