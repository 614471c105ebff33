package dev.ballast.actuators.execution;

import dev.ballast.actuators.plan.LiveMigrate;
import dev.ballast.actuators.plan.PowerOff;
import dev.ballast.actuators.plan.PowerOn;
import dev.ballast.collectors.cluster.ClusterSnapshot;
import dev.ballast.collectors.cluster.Host;
import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.HostState;
import dev.ballast.collectors.cluster.PowerModel;
import dev.ballast.collectors.cluster.Resources;
import dev.ballast.collectors.cluster.Vm;
import dev.ballast.collectors.cluster.VmId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StepConditionsTest {
    static final HostId A = HostId.of("host-a");
    static final HostId B = HostId.of("host-b");
    static final HostId C = HostId.of("host-c");
    static final VmId V = VmId.of("vm-1");
    static final LiveMigrate A_TO_B = new LiveMigrate(V, A, B, 512, "test");

    static Host host(HostId id, HostState state) {
        return new Host(id, new Resources(8, 8192), state, PowerModel.of(100, 110, 120, 130, 140, 150, 160, 170, 180, 190, 200), Map.of());
    }

    static ClusterSnapshot world(HostState bState, List<Vm> vms) {
        return new ClusterSnapshot(Instant.EPOCH, List.of(host(A, HostState.ON), host(B, bState), host(C, HostState.ON)), vms);
    }

    static Vm vmOn(HostId h) {
        return new Vm(V, new Resources(1, 512), h, 0, Map.of());
    }

    @Test
    void migrationProceedsWhenTheVmIsOnItsSourceAndTheTargetIsOn() {
        assertThat(StepConditions.before(A_TO_B, world(HostState.ON, List.of(vmOn(A)))).kind()).isEqualTo(Verdict.Kind.PROCEED);
    }

    @Test
    void migrationSkipsWhenTheVmIsGoneMovedElsewhereOrAlreadyOnTarget() {
        assertThat(StepConditions.before(A_TO_B, world(HostState.ON, List.of())))
                .isEqualTo(Verdict.skip("vm vm-1 is gone"));
        assertThat(StepConditions.before(A_TO_B, world(HostState.ON, List.of(vmOn(C)))))
                .isEqualTo(Verdict.skip("vm vm-1 is no longer on host-a (now on host-c)"));
        assertThat(StepConditions.before(A_TO_B, world(HostState.ON, List.of(vmOn(B)))))
                .isEqualTo(Verdict.skip("vm vm-1 already runs on host-b"));
    }

    @Test
    void migrationFailsWhenTheTargetIsUnknownOrNotOn() {
        for (HostState notOn : List.of(HostState.OFF, HostState.BOOTING, HostState.MAINTENANCE)) {
            Verdict v = StepConditions.before(A_TO_B, world(notOn, List.of(vmOn(A))));
            assertThat(v.kind()).isEqualTo(Verdict.Kind.FAIL);
            assertThat(v.message()).contains("host-b", "vm-1", notOn.name());
        }
        LiveMigrate toNowhere = new LiveMigrate(V, A, HostId.of("host-z"), 512, "test");
        assertThat(StepConditions.before(toNowhere, world(HostState.ON, List.of(vmOn(A)))))
                .isEqualTo(Verdict.fail("target host host-z of vm vm-1 is unknown"));
    }

    @Test
    void migrationPostConditionWantsTheVmOnItsTarget() {
        assertThat(StepConditions.after(A_TO_B, world(HostState.ON, List.of(vmOn(B)))).kind()).isEqualTo(Verdict.Kind.PROCEED);
        assertThat(StepConditions.after(A_TO_B, world(HostState.ON, List.of(vmOn(A)))))
                .isEqualTo(Verdict.fail("vm vm-1 runs on host-a, not on its target host-b"));
        assertThat(StepConditions.after(A_TO_B, world(HostState.ON, List.of())).kind()).isEqualTo(Verdict.Kind.FAIL);
    }

    @Test
    void powerOffSkipsAnOffHostAndRefusesOneWithVms() {
        PowerOff offB = new PowerOff(B, "empty");
        assertThat(StepConditions.before(offB, world(HostState.OFF, List.of())).kind()).isEqualTo(Verdict.Kind.SKIP);
        assertThat(StepConditions.before(offB, world(HostState.ON, List.of())).kind()).isEqualTo(Verdict.Kind.PROCEED);
        Verdict busy = StepConditions.before(offB, world(HostState.ON, List.of(vmOn(B))));
        assertThat(busy.kind()).isEqualTo(Verdict.Kind.FAIL);
        assertThat(busy.message()).contains("host-b", "1 VMs", "vm-1");
        assertThat(StepConditions.before(new PowerOff(HostId.of("host-z"), ""), world(HostState.ON, List.of())).kind())
                .isEqualTo(Verdict.Kind.FAIL);
        assertThat(StepConditions.after(offB, world(HostState.OFF, List.of())).kind()).isEqualTo(Verdict.Kind.PROCEED);
        assertThat(StepConditions.after(offB, world(HostState.ON, List.of())))
                .isEqualTo(Verdict.fail("host host-b is ON, expected OFF"));
    }

    @Test
    void powerOnSkipsAnOnHostAndRefusesMaintenance() {
        PowerOn onB = new PowerOn(B, "capacity");
        assertThat(StepConditions.before(onB, world(HostState.ON, List.of())).kind()).isEqualTo(Verdict.Kind.SKIP);
        assertThat(StepConditions.before(onB, world(HostState.OFF, List.of())).kind()).isEqualTo(Verdict.Kind.PROCEED);
        assertThat(StepConditions.before(onB, world(HostState.MAINTENANCE, List.of())).kind()).isEqualTo(Verdict.Kind.FAIL);
        assertThat(StepConditions.before(new PowerOn(HostId.of("host-z"), ""), world(HostState.ON, List.of())).kind())
                .isEqualTo(Verdict.Kind.FAIL);
        assertThat(StepConditions.after(onB, world(HostState.ON, List.of())).kind()).isEqualTo(Verdict.Kind.PROCEED);
        assertThat(StepConditions.after(onB, world(HostState.OFF, List.of())).kind()).isEqualTo(Verdict.Kind.FAIL);
    }
}
