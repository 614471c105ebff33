package dev.ballast.scheduler.benchmark;

import dev.ballast.collectors.trace.TraceSeries;
import dev.ballast.scheduler.planning.SolveBudget;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One decision of Ballast's loop on a hand-made placement: the band between the planner's packing limit (90 % of a
 * host's CPU) and the relief trigger (120 %).
 */
class BallastPolicyTest {
    /**
     * Seven VMs of 2500, 2500, 2000, 2000, 1000, 1000 and 500 MIPS (CloudSim's types for seven VMs) on eight hosts,
     * G4 and G5 alternating (G5s are 1, 3, 5, 7 with 5320 MIPS).
     */
    private static SimulatedWorld world() {
        List<TraceSeries> traces = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            double[] cpu = new double[288];
            Arrays.fill(cpu, 0.1);
            traces.add(new TraceSeries("vm" + i, Instant.EPOCH, Duration.ofSeconds(300), cpu, null, null));
        }
        return new SimulatedWorld(traces, 8, 3600, 3600);
    }

    private static void place(SimulatedWorld world, int vm, int host, double utilization) {
        SimVm v = world.vms().get(vm);
        SimHost h = world.hosts().get(host);
        v.host = h;
        v.requestedMips = utilization * v.mips();
        h.vms.add(v);
    }

    private static List<Migration> decide(SimulatedWorld world, BallastPolicy.Triggers triggers) {
        return new BallastPolicy(BallastPolicy.benchmarkSettings(), SolveBudget.moves(5_000), 0.1, triggers).optimize(world, 300.1);
    }

    private static double load(SimulatedWorld world, SimHost host, List<Migration> moves) {
        double mips = 0;
        for (SimVm vm : world.vms()) {
            SimHost at = moves.stream().filter(m -> m.vm() == vm).map(Migration::target).findFirst().orElse(vm.host);
            mips += at == host ? vm.requestedMips : 0;
        }
        return mips;
    }

    /**
     * G5 host 1 at 2500 + 2500 + 500 = 5500 MIPS (103 %: over the planner's 90 %, under the trigger's 120 %); a
     * small VM on G4 host 0 that may be emptied (a G4, under 80 %); small VMs on G5s 3, 5 and 7, so that there is
     * something to consolidate while keeping a host's worth of spare CPU (N+1).
     */
    private static SimulatedWorld oneHostInTheBand() {
        SimulatedWorld world = world();
        place(world, 0, 1, 1.0);
        place(world, 1, 1, 1.0);
        place(world, 6, 1, 1.0);
        place(world, 2, 0, 0.2);
        place(world, 3, 3, 0.2);
        place(world, 4, 5, 0.1);
        place(world, 5, 7, 0.1);
        return world;
    }

    @Test
    void aHostInsideTheBandIsLeftAsItIsAndTakesNothingMore() {
        SimulatedWorld world = oneHostInTheBand();
        SimHost g5 = world.hosts().get(1);

        List<Migration> moves = decide(world, BallastPolicy.Triggers.DEFAULTS);

        // the plan is feasible with the full host pinned as it is: the lightly loaded hosts are still consolidated
        assertThat(moves).isNotEmpty();
        assertThat(moves).noneMatch(m -> m.vm().host == g5).noneMatch(m -> m.target() == g5);

        // with the trigger at 100 % there is no band: the same host is relieved down to the planner's 90 %
        SimulatedWorld again = oneHostInTheBand();
        SimHost sameG5 = again.hosts().get(1);
        List<Migration> relief = decide(again, new BallastPolicy.Triggers(0.8, 1.0, true, 600, 900));
        assertThat(relief).anyMatch(m -> m.vm().host == sameG5);
        assertThat(load(again, sameG5, relief)).isLessThanOrEqualTo(0.9 * sameG5.totalMips());
    }

    @Test
    void aHostOverTheBandIsRelievedDownToThePlannersLimit() {
        SimulatedWorld world = world();
        SimHost g5 = world.hosts().get(1);
        // 2500 + 2500 + 2000 = 7000 MIPS: 132 % of the G5
        place(world, 0, 1, 1.0);
        place(world, 1, 1, 1.0);
        place(world, 2, 1, 1.0);
        place(world, 3, 3, 0.5);
        place(world, 4, 3, 0.5);
        place(world, 5, 5, 0.1);
        place(world, 6, 7, 0.1);

        List<Migration> moves = decide(world, BallastPolicy.Triggers.DEFAULTS);

        assertThat(moves).anyMatch(m -> m.vm().host == g5);
        assertThat(load(world, g5, moves)).isLessThanOrEqualTo(0.9 * g5.totalMips());
        for (SimHost h : world.hosts()) {
            assertThat(load(world, h, moves)).as("host " + h.index).isLessThanOrEqualTo(0.9 * h.totalMips() + 1e-9);
        }
    }
}
