package dev.ballast.scheduler.roadef;

import ai.timefold.solver.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;
import ai.timefold.solver.core.impl.score.director.InnerScoreDirector;
import ai.timefold.solver.core.impl.score.director.ScoreDirector;
import ai.timefold.solver.core.preview.api.domain.metamodel.PlanningVariableMetaModel;
import ai.timefold.solver.core.preview.api.move.Move;
import ai.timefold.solver.core.preview.api.move.builtin.Moves;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Targeted shifts for machines near capacity, where a random change move almost never fits: a process p is sent to a
 * machine m where it fits, or, when it does not, a process q of m whose departure makes room is sent on to a third
 * machine where q fits (a chained shift, an ejection chain of length two). Capacity is read off a snapshot of the
 * usage taken when Timefold starts a step (a step only evaluates moves, it changes nothing); transient usage,
 * conflicts and the rest are left to the score.
 */
public final class ChainedShiftMoves implements MoveIteratorFactory<MachineReassignment, Move<MachineReassignment>> {
    /** How many random candidates (machines, ejected processes) are tried before a move is returned anyway. */
    private static final int TRIES = 8;

    @Override
    public long getSize(ScoreDirector<MachineReassignment> scoreDirector) {
        MachineReassignment s = scoreDirector.getWorkingSolution();
        return (long) s.getAssignments().size() * s.getMachines().size();
    }

    @Override
    public Iterator<Move<MachineReassignment>> createOriginalMoveIterator(ScoreDirector<MachineReassignment> scoreDirector) {
        throw new UnsupportedOperationException("chained shifts are only selected at random");
    }

    @Override
    public Iterator<Move<MachineReassignment>> createRandomMoveIterator(ScoreDirector<MachineReassignment> scoreDirector,
                                                                         RandomGenerator random) {
        @SuppressWarnings("unchecked")
        PlanningVariableMetaModel<MachineReassignment, ProcessAssignment, RoadefMachine> machine =
                ((InnerScoreDirector<MachineReassignment, ?>) scoreDirector).getSolutionDescriptor().getMetaModel()
                        .genuineEntity(ProcessAssignment.class).basicVariable("machine", RoadefMachine.class);
        return new Chains(scoreDirector.getWorkingSolution(), machine, random);
    }

    private static final class Chains implements Iterator<Move<MachineReassignment>> {
        private final List<ProcessAssignment> processes;
        private final List<RoadefMachine> machines;
        private final PlanningVariableMetaModel<MachineReassignment, ProcessAssignment, RoadefMachine> variable;
        private final RandomGenerator random;
        private final int resources;
        private final long[] free;
        private final List<List<ProcessAssignment>> onMachine;

        Chains(MachineReassignment solution, PlanningVariableMetaModel<MachineReassignment, ProcessAssignment, RoadefMachine> variable,
               RandomGenerator random) {
            this.processes = solution.getAssignments();
            this.machines = solution.getMachines();
            this.variable = variable;
            this.random = random;
            this.resources = machines.getFirst().capacities().length;
            this.free = new long[machines.size() * resources];
            this.onMachine = new ArrayList<>(machines.size());
            for (RoadefMachine m : machines) {
                onMachine.add(new ArrayList<>());
                for (int r = 0; r < resources; r++) {
                    free[m.index() * resources + r] = m.capacity(r);
                }
            }
            for (ProcessAssignment p : processes) {
                int m = p.getMachine().index();
                onMachine.get(m).add(p);
                long[] need = p.getProcess().requirements();
                for (int r = 0; r < resources; r++) {
                    free[m * resources + r] -= need[r];
                }
            }
        }

        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public Move<MachineReassignment> next() {
            ProcessAssignment p = processes.get(random.nextInt(processes.size()));
            RoadefMachine from = p.getMachine();
            RoadefMachine to = null;
            for (int i = 0; i < TRIES; i++) {
                to = otherMachine(from, null);
                if (fits(p, to, null)) {
                    return Moves.change(variable, p, to);
                }
            }
            List<ProcessAssignment> residents = onMachine.get(to.index());
            if (residents.isEmpty()) {
                return Moves.change(variable, p, to);
            }
            ProcessAssignment q = residents.get(random.nextInt(residents.size()));
            for (int i = 0; i < TRIES && !fits(p, to, q); i++) {
                q = residents.get(random.nextInt(residents.size()));
            }
            RoadefMachine onward = otherMachine(to, from);
            for (int i = 0; i < TRIES && !fits(q, onward, null); i++) {
                onward = otherMachine(to, from);
            }
            return Moves.compose(Moves.change(variable, p, to), Moves.change(variable, q, onward));
        }

        /** A random machine other than {@code a} and {@code b}. */
        private RoadefMachine otherMachine(RoadefMachine a, RoadefMachine b) {
            int n = machines.size();
            if (n <= (b == null ? 1 : 2)) {
                return machines.get(random.nextInt(n));
            }
            RoadefMachine m;
            do {
                m = machines.get(random.nextInt(n));
            } while (m == a || m == b);
            return m;
        }

        /** Whether process p fits on machine m by capacity (after {@code leaving} goes, when not null). */
        private boolean fits(ProcessAssignment p, RoadefMachine m, ProcessAssignment leaving) {
            long[] need = p.getProcess().requirements();
            long[] back = leaving == null ? null : leaving.getProcess().requirements();
            int base = m.index() * resources;
            for (int r = 0; r < resources; r++) {
                if (need[r] > free[base + r] + (back == null ? 0 : back[r])) {
                    return false;
                }
            }
            return true;
        }
    }
}
