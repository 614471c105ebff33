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
 * A fast ruin-and-recreate move (large neighborhood): takes 2 to 30 processes off two to four machines — half the time
 * one picked in proportion to its load and balance cost and one in proportion to its headroom under the safety
 * capacities, the others at random — and puts them back one by one, largest first or in random order, each on the
 * machine where it adds the least cost among those where it is feasible (capacity, transient usage, conflict,
 * spread, dependency, checked on a {@link PlacementSnapshot}); ties go at random or, half the time, to the tightest
 * fit. A second pass then moves each of them once more to its best machine given the others. Unlike Timefold's
 * own ruin-and-recreate, which runs a construction heuristic scored by the solver per process and machine, the
 * planning here costs a few array reads per candidate, so such moves cost about as much to evaluate as a few dozen
 * change moves. The move is the composition of Timefold's change moves for the processes that end up elsewhere: the
 * score and its undo stay Timefold's, and the score, not the estimate, decides whether it is taken.
 */
public final class RepackMoves extends RandomOnlyMoves {
    static final int MIN_RUINED = 2;
    static final int MAX_RUINED = 30;
    /** Above this many machines, a process is offered its ruined machines and this many random others. */
    private static final int SAMPLED_MACHINES = 100;
    private static final int TRIES = 3;

    private MachineReassignment snapshotOf;
    private PlacementSnapshot snapshot;
    private double[] sizes;
    private double[] meanSafety;

    @Override
    public Iterator<Move<MachineReassignment>> createRandomMoveIterator(ScoreDirector<MachineReassignment> scoreDirector,
                                                                         RandomGenerator random) {
        MachineReassignment solution = scoreDirector.getWorkingSolution();
        if (snapshotOf != solution) {
            snapshotOf = solution;
            snapshot = new PlacementSnapshot(solution.getInstance(), solution.getAssignments());
            sizes = snapshot.relativeSizes();
            meanSafety = snapshot.meanSafety();
        } else {
            snapshot.sync(solution.getAssignments());
        }
        @SuppressWarnings("unchecked")
        PlanningVariableMetaModel<MachineReassignment, ProcessAssignment, RoadefMachine> machine =
                ((InnerScoreDirector<MachineReassignment, ?>) scoreDirector).getSolutionDescriptor().getMetaModel()
                        .genuineEntity(ProcessAssignment.class).basicVariable("machine", RoadefMachine.class);
        return new Repacks(solution, machine, random);
    }

    private final class Repacks implements Iterator<Move<MachineReassignment>> {
        private final List<ProcessAssignment> processes;
        private final List<RoadefMachine> machines;
        private final PlanningVariableMetaModel<MachineReassignment, ProcessAssignment, RoadefMachine> variable;
        private final RandomGenerator random;
        /** Costs summed as doubles: only their proportions matter for the draw. */
        private final double[] cumulativeCost;
        private final double[] cumulativeHeadroom;
        private final int[] before;
        private final List<Integer> ruined = new ArrayList<>(MAX_RUINED);
        private final List<Integer> chosenMachines = new ArrayList<>();
        private final boolean[] isCandidate;
        private final List<Integer> candidates = new ArrayList<>();

        Repacks(MachineReassignment solution, PlanningVariableMetaModel<MachineReassignment, ProcessAssignment, RoadefMachine> variable,
                RandomGenerator random) {
            this.processes = solution.getAssignments();
            this.machines = solution.getMachines();
            this.variable = variable;
            this.random = random;
            int machineCount = snapshot.machineCount;
            this.cumulativeCost = new double[machineCount];
            this.cumulativeHeadroom = new double[machineCount];
            double total = 0;
            double room = 0;
            for (int m = 0; m < machineCount; m++) {
                total += snapshot.machineCost(m);
                cumulativeCost[m] = total;
                room += snapshot.headroom(m, meanSafety);
                cumulativeHeadroom[m] = room;
            }
            this.before = new int[snapshot.processCount];
            this.isCandidate = new boolean[machineCount];
        }

        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public Move<MachineReassignment> next() {
            for (int i = 0; i < TRIES; i++) {
                Move<MachineReassignment> move = repack();
                if (move != null) {
                    return move;
                }
            }
            ProcessAssignment p = processes.get(random.nextInt(processes.size()));
            return Moves.change(variable, p, machines.get(random.nextInt(machines.size())));
        }

        /** Plans one ruin and recreate on the snapshot, puts the snapshot back, and returns the move (null: none found). */
        private Move<MachineReassignment> repack() {
            chooseMachines();
            ruin();
            boolean placed = recreate();
            List<Move<MachineReassignment>> changes = new ArrayList<>(ruined.size());
            if (placed) {
                for (int p : ruined) {
                    if (snapshot.machineOf(p) != before[p]) {
                        changes.add(Moves.change(variable, processes.get(p), machines.get(snapshot.machineOf(p))));
                    }
                }
            }
            restore();
            if (changes.isEmpty()) {
                return null;
            }
            return changes.size() == 1 ? changes.getFirst() : Moves.compose(changes);
        }

        /**
         * One to four machines: half the time the first is picked in proportion to its cost and the second in
         * proportion to its headroom (where the first's excess could go), the rest at random.
         */
        private void chooseMachines() {
            chosenMachines.clear();
            int machineCount = snapshot.machineCount;
            double total = cumulativeCost[machineCount - 1];
            double room = cumulativeHeadroom[machineCount - 1];
            if (total > 0 && random.nextBoolean()) {
                chosenMachines.add(firstAbove(cumulativeCost, random.nextDouble(total)));
                if (room > 0) {
                    int partner = firstAbove(cumulativeHeadroom, random.nextDouble(room));
                    if (!chosenMachines.contains(partner)) {
                        chosenMachines.add(partner);
                    }
                }
            } else {
                chosenMachines.add(random.nextInt(machineCount));
            }
            int partners = Math.min(machineCount - 1, 1 + random.nextInt(3));
            while (chosenMachines.size() < partners + 1) {
                int m = random.nextInt(machineCount);
                if (!chosenMachines.contains(m)) {
                    chosenMachines.add(m);
                }
            }
        }

        /** The first machine whose cumulative weight exceeds pick. */
        private static int firstAbove(double[] cumulative, double pick) {
            int lo = 0;
            int hi = cumulative.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cumulative[mid] > pick) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return lo;
        }

        /** Takes k processes of the chosen machines off the snapshot, skipping those whose departure strands a dependent. */
        private void ruin() {
            ruined.clear();
            List<Integer> pool = new ArrayList<>();
            for (int m : chosenMachines) {
                PlacementSnapshot.IntList on = snapshot.processesOn(m);
                for (int i = 0; i < on.size(); i++) {
                    pool.add(on.get(i));
                }
            }
            int k = MIN_RUINED + random.nextInt(MAX_RUINED - MIN_RUINED + 1);
            for (int i = 0; i < pool.size() && ruined.size() < k; i++) {
                int j = i + random.nextInt(pool.size() - i);
                int p = pool.get(j);
                pool.set(j, pool.get(i));
                if (snapshot.mayLeave(p)) {
                    before[p] = snapshot.machineOf(p);
                    snapshot.unplace(p);
                    ruined.add(p);
                }
            }
        }

        /** Puts the ruined processes back one by one where each adds the least cost; false when one fits nowhere. */
        private boolean recreate() {
            if (random.nextBoolean()) {
                ruined.sort((a, b) -> Double.compare(sizes[b], sizes[a]));
            } else {
                for (int i = ruined.size() - 1; i > 0; i--) {
                    int j = random.nextInt(i + 1);
                    int swap = ruined.get(i);
                    ruined.set(i, ruined.get(j));
                    ruined.set(j, swap);
                }
            }
            chooseCandidates();
            boolean bestFit = random.nextBoolean();
            for (int i = 0; i < ruined.size(); i++) {
                int p = ruined.get(i);
                // the processes not placed yet still count for their service's spread
                int service = snapshot.serviceOf[p];
                int stillUnplaced = 0;
                for (int j = i + 1; j < ruined.size(); j++) {
                    if (snapshot.serviceOf[ruined.get(j)] == service) {
                        stillUnplaced++;
                    }
                }
                int best = bestMachine(p, stillUnplaced, bestFit);
                if (best < 0) {
                    return false;
                }
                snapshot.place(p, best);
            }
            // a second pass: each process moved again to its best machine now that the others are placed
            for (int p : ruined) {
                if (!snapshot.mayLeave(p)) {
                    continue;
                }
                int was = snapshot.machineOf(p);
                snapshot.unplace(p);
                int best = bestMachine(p, 0, bestFit);
                snapshot.place(p, best < 0 ? was : best);
            }
            return true;
        }

        /**
         * The feasible candidate where unplaced process p adds the least cost (-1: none); ties go at random or, for a
         * best fit, to the machine it leaves the least headroom on.
         */
        private int bestMachine(int p, int stillUnplaced, boolean bestFit) {
            int best = -1;
            long bestCost = Long.MAX_VALUE;
            double bestRoom = Double.MAX_VALUE;
            int ties = 0;
            for (int m : candidates) {
                if (!snapshot.canPlace(p, m, stillUnplaced)) {
                    continue;
                }
                long cost = snapshot.placementCost(p, m);
                if (cost > bestCost) {
                    continue;
                }
                if (bestFit) {
                    double room = snapshot.headroomAfter(p, m, meanSafety);
                    if (cost < bestCost || room < bestRoom) {
                        best = m;
                        bestCost = cost;
                        bestRoom = room;
                    }
                } else if (cost < bestCost) {
                    best = m;
                    bestCost = cost;
                    ties = 1;
                } else if (random.nextInt(++ties) == 0) {
                    best = m;
                }
            }
            return best;
        }

        private void chooseCandidates() {
            candidates.clear();
            int machineCount = snapshot.machineCount;
            if (machineCount <= SAMPLED_MACHINES) {
                for (int m = 0; m < machineCount; m++) {
                    candidates.add(m);
                }
                return;
            }
            for (int m : chosenMachines) {
                isCandidate[m] = true;
                candidates.add(m);
            }
            for (int i = 0; i < SAMPLED_MACHINES; i++) {
                int m = random.nextInt(machineCount);
                if (!isCandidate[m]) {
                    isCandidate[m] = true;
                    candidates.add(m);
                }
            }
            for (int m : candidates) {
                isCandidate[m] = false;
            }
        }

        /** Puts every ruined process back where it was before the ruin. */
        private void restore() {
            for (int p : ruined) {
                if (snapshot.machineOf(p) >= 0) {
                    snapshot.unplace(p);
                }
            }
            for (int p : ruined) {
                snapshot.place(p, before[p]);
            }
        }
    }
}
