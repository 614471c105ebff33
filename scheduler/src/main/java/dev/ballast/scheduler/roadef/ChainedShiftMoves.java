package dev.ballast.scheduler.roadef;

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
 * Targeted shifts for machines near capacity, where a random change move almost never fits. Half the time the process
 * p is taken from a machine loaded above its safety capacity (where the load cost is), otherwise from anywhere; it is
 * sent to a machine where it stays under the safety capacity, else to one where it fits, or, when it fits nowhere
 * tried, a process q of the last machine m tried whose departure makes room is sent on to a third machine where q
 * fits (a chained shift, an ejection chain of length two). A third of the time p is first offered a swap with a
 * process of another machine, when both machines can hold the exchange. Capacity is read off a snapshot of the
 * usage taken when Timefold starts a step (a step only evaluates moves, it changes nothing), and so are conflicts (a
 * process of the same service on the target); transient usage, spread, dependencies and costs are left to the score.
 */
public final class ChainedShiftMoves extends RandomOnlyMoves {
    /** How many random candidates (machines, ejected processes) are tried before a move is returned anyway. */
    private static final int TRIES = 8;

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
        private final long[] safeRoom;
        private final boolean[] priced;
        private final List<ProcessAssignment> onOverloaded = new ArrayList<>();

        Chains(MachineReassignment solution, PlanningVariableMetaModel<MachineReassignment, ProcessAssignment, RoadefMachine> variable,
               RandomGenerator random) {
            this.processes = solution.getAssignments();
            this.machines = solution.getMachines();
            this.variable = variable;
            this.random = random;
            this.resources = machines.getFirst().capacities().length;
            this.free = new long[machines.size() * resources];
            this.safeRoom = new long[machines.size() * resources];
            this.priced = new boolean[resources];
            solution.getInstance().resources().forEach(r -> priced[r.index()] = r.loadCostWeight() > 0);
            this.onMachine = new ArrayList<>(machines.size());
            for (RoadefMachine m : machines) {
                onMachine.add(new ArrayList<>());
                for (int r = 0; r < resources; r++) {
                    free[m.index() * resources + r] = m.capacity(r);
                    safeRoom[m.index() * resources + r] = m.safetyCapacity(r);
                }
            }
            for (ProcessAssignment p : processes) {
                int m = p.getMachine().index();
                onMachine.get(m).add(p);
                long[] need = p.getProcess().requirements();
                for (int r = 0; r < resources; r++) {
                    free[m * resources + r] -= need[r];
                    safeRoom[m * resources + r] -= need[r];
                }
            }
            for (RoadefMachine m : machines) {
                for (int r = 0; r < resources; r++) {
                    if (priced[r] && safeRoom[m.index() * resources + r] < 0) {
                        onOverloaded.addAll(onMachine.get(m.index()));
                        break;
                    }
                }
            }
        }

        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public Move<MachineReassignment> next() {
            ProcessAssignment p = !onOverloaded.isEmpty() && random.nextBoolean()
                    ? onOverloaded.get(random.nextInt(onOverloaded.size())) : processes.get(random.nextInt(processes.size()));
            RoadefMachine from = p.getMachine();
            if (random.nextInt(3) == 0) {
                // a swap with a process elsewhere that both machines can hold: trades resource profiles
                for (int i = 0; i < TRIES; i++) {
                    ProcessAssignment q = processes.get(random.nextInt(processes.size()));
                    if (q.getMachine() != from && fits(p, q.getMachine(), q) && fits(q, from, p)) {
                        return Moves.swap(variable, p, q);
                    }
                }
            }
            RoadefMachine to = null;
            for (int i = 0; i < TRIES; i++) {
                to = otherMachine(from, null);
                if (staysSafe(p, to)) {
                    return Moves.change(variable, p, to);
                }
            }
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

        /** Whether process p fits on machine m without raising its load above the safety capacity of a priced resource. */
        private boolean staysSafe(ProcessAssignment p, RoadefMachine m) {
            if (!fits(p, m, null)) {
                return false;
            }
            long[] need = p.getProcess().requirements();
            int base = m.index() * resources;
            for (int r = 0; r < resources; r++) {
                if (priced[r] && need[r] > safeRoom[base + r]) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Whether process p fits on machine m by capacity and without a conflict (no other process of its service
         * there), after {@code leaving} goes when not null.
         */
        private boolean fits(ProcessAssignment p, RoadefMachine m, ProcessAssignment leaving) {
            int service = p.getProcess().service();
            // a machine holds a few processes (processes / machines on average): scanning them beats a service x machine table
            for (ProcessAssignment resident : onMachine.get(m.index())) {
                if (resident != leaving && resident != p && resident.getProcess().service() == service) {
                    return false;
                }
            }
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
