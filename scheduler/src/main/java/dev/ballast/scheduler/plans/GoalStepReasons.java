package dev.ballast.scheduler.plans;

import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.VmId;
import dev.ballast.predictors.hotspot.SpotKind;
import dev.ballast.scheduler.cluster.HostLoad;
import dev.ballast.scheduler.planning.Goal;
import dev.ballast.scheduler.sequencing.StepReasons;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Writes each step's reason from the goal and the hosts' forecast load before and after the plan. */
final class GoalStepReasons implements StepReasons {
    private final Goal goal;
    private final Map<HostId, HostLoad> before;
    private final Map<HostId, HostLoad> after;

    GoalStepReasons(Goal goal, List<HostLoad> before, List<HostLoad> after) {
        this.goal = goal;
        this.before = before.stream().collect(Collectors.toMap(l -> l.host().id(), Function.identity()));
        this.after = after.stream().collect(Collectors.toMap(l -> l.host().id(), Function.identity()));
    }

    @Override
    public String migration(VmId vm, HostId from, HostId to) {
        HostLoad src = before.get(from);
        HostLoad srcAfter = after.get(from);
        if (src.temperature().kind() == SpotKind.HOT) {
            return "relieves hot spot " + from + " (forecast CPU " + pct(src.utilization().cpu()) + ", memory "
                    + pct(src.utilization().memory()) + " → CPU " + pct(srcAfter.utilization().cpu()) + ")";
        }
        if (srcAfter.vms() == 0 && goal == Goal.CONSOLIDATE) {
            return "empties " + from + " so it can be powered off; " + to + " goes to forecast CPU "
                    + pct(after.get(to).utilization().cpu());
        }
        return goal.name().toLowerCase() + ": " + from + " CPU " + pct(src.utilization().cpu()) + " → "
                + pct(srcAfter.utilization().cpu()) + ", " + to + " CPU " + pct(before.get(to).utilization().cpu())
                + " → " + pct(after.get(to).utilization().cpu());
    }

    @Override
    public String staging(VmId vm, HostId from, HostId staging, HostId finalTarget) {
        return "parks " + vm + " on " + staging + " to break a cycle of moves; it continues to " + finalTarget;
    }

    @Override
    public String powerOn(HostId host) {
        return "powers on " + host + " before VMs move to it";
    }

    @Override
    public String powerOff(HostId host) {
        return "powers off " + host + ": it holds no VMs after the plan";
    }

    private static String pct(double fraction) {
        return Math.round(fraction * 100) + " %";
    }
}
