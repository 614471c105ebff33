package dev.ballast.actuators.plan;

import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.VmId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlanTest {
    private static final HostId H1 = HostId.of("host-01");
    private static final HostId H4 = HostId.of("host-04");

    @Test
    void describesEachKindOfStep() {
        assertThat(new LiveMigrate(VmId.of("vm-003"), H1, H4, 4096, "hot spot").describe())
                .isEqualTo("migrate vm-003 host-01 → host-04 (4096 MiB)");
        assertThat(new PowerOn(H4, "capacity").describe()).isEqualTo("power on host-04");
        assertThat(new PowerOff(H1, "empty").describe()).isEqualTo("power off host-01");
    }

    @Test
    void copiesItsStepsSoTheCallerCannotChangeThePlan() {
        List<PlanStep> steps = new ArrayList<>(List.of(new PowerOn(H4, "r")));
        Plan plan = new Plan("p-1", steps);
        steps.add(new PowerOff(H1, "r"));
        assertThat(plan.steps()).hasSize(1);
        assertThatThrownBy(() -> plan.steps().add(new PowerOff(H1, "r"))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsBadInputNamingIt() {
        assertThatThrownBy(() -> new Plan("p-2", Arrays.asList(new PowerOn(H4, "r"), null)))
                .hasMessageContaining("step 1 of plan p-2 is null");
        assertThatThrownBy(() -> new Plan(" ", List.of())).hasMessageContaining("plan id");
        assertThatThrownBy(() -> new LiveMigrate(VmId.of("vm-1"), H1, H1, 10, "r"))
                .hasMessageContaining("vm-1").hasMessageContaining("host-01");
        assertThatThrownBy(() -> new LiveMigrate(VmId.of("vm-1"), H1, H4, -1, "r"))
                .hasMessageContaining("vm-1").hasMessageContaining("-1");
    }
}
