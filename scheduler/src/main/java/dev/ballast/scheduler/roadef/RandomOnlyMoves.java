package dev.ballast.scheduler.roadef;

import ai.timefold.solver.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;
import ai.timefold.solver.core.impl.score.director.ScoreDirector;
import ai.timefold.solver.core.preview.api.move.Move;

import java.util.Iterator;

/**
 * A targeted move factory that only draws moves at random (there is no sensible order to list them in): its size
 * is that of the change-move neighbourhood, and Timefold never asks for the original order.
 */
abstract class RandomOnlyMoves implements MoveIteratorFactory<MachineReassignment, Move<MachineReassignment>> {
    @Override
    public long getSize(ScoreDirector<MachineReassignment> scoreDirector) {
        MachineReassignment s = scoreDirector.getWorkingSolution();
        return (long) s.getAssignments().size() * s.getMachines().size();
    }

    @Override
    public Iterator<Move<MachineReassignment>> createOriginalMoveIterator(ScoreDirector<MachineReassignment> scoreDirector) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " only selects moves at random");
    }
}
