package dev.ballast.scheduler.planning;

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
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleValidatorTest {
    private static final ClusterSnapshot CLUSTER = new ClusterSnapshot(Instant.EPOCH,
            List.of(host("h1", "ssd"), host("h2", "hdd")),
            List.of(vm("a", "h1"), vm("b", "h1"), vm("c", "h2")));

    private static Host host(String id, String disk) {
        return new Host(HostId.of(id), Resources.of(8, 32_768), HostState.ON, PowerModel.linear(100, 200), Map.of("disk", disk));
    }

    private static Vm vm(String id, String host) {
        return new Vm(VmId.of(id), Resources.of(1, 1024), HostId.of(host), 0, Map.of());
    }

    private static Set<VmId> vms(String... ids) {
        return java.util.Arrays.stream(ids).map(VmId::of).collect(java.util.stream.Collectors.toSet());
    }

    private static PlanningRequest with(List<AffinityRule> affinity, List<HostRule> hostRules, Set<VmId> pinned) {
        return new PlanningRequest(Goal.BALANCE, Map.of(), pinned, Set.of(), affinity, hostRules, MigrationBudget.UNLIMITED, true, 0, Set.of());
    }

    @Test
    void affinityAndAntiAffinityOverTheSameVmsAreContradictory() {
        PlanningRequest r = with(List.of(
                new AffinityRule("together", AffinityRule.Kind.AFFINITY, RuleStrength.HARD, vms("a", "b")),
                new AffinityRule("apart", AffinityRule.Kind.ANTI_AFFINITY, RuleStrength.HARD, vms("a", "b", "c"))), List.of(), Set.of());
        assertThatThrownBy(() -> new RuleValidator().validate(CLUSTER, r))
                .isInstanceOf(ContradictoryRulesException.class).hasMessageContaining("together").hasMessageContaining("apart");
    }

    @Test
    void mustAndMustNotTheSameLabelAreContradictory() {
        PlanningRequest r = with(List.of(), List.of(
                new HostRule("on-ssd", HostRule.Kind.MUST, RuleStrength.HARD, vms("a"), "disk", "ssd"),
                new HostRule("off-ssd", HostRule.Kind.MUST_NOT, RuleStrength.HARD, vms("a", "c"), "disk", "ssd")), Set.of());
        assertThatThrownBy(() -> new RuleValidator().validate(CLUSTER, r))
                .isInstanceOf(ContradictoryRulesException.class).hasMessageContaining("on-ssd").hasMessageContaining("off-ssd");
    }

    @Test
    void anAntiAffinityGroupLargerThanTheHostsIsRejected() {
        PlanningRequest r = with(List.of(new AffinityRule("spread", AffinityRule.Kind.ANTI_AFFINITY, RuleStrength.HARD, vms("a", "b", "c"))),
                List.of(), Set.of());
        assertThatThrownBy(() -> new RuleValidator().validate(CLUSTER, r))
                .isInstanceOf(ContradictoryRulesException.class).hasMessageContaining("spread").hasMessageContaining("only 2 hosts");
    }

    @Test
    void aPinnedVmOnAHostItsRuleForbidsIsRejected() {
        PlanningRequest r = with(List.of(), List.of(new HostRule("needs-hdd", HostRule.Kind.MUST, RuleStrength.HARD, vms("a"), "disk", "hdd")),
                vms("a"));
        assertThatThrownBy(() -> new RuleValidator().validate(CLUSTER, r))
                .isInstanceOf(ContradictoryRulesException.class).hasMessageContaining("needs-hdd").hasMessageContaining("pinned on h1");
    }

    @Test
    void unknownVmsAndDuplicateNamesAreRejected() {
        PlanningRequest unknown = with(List.of(new AffinityRule("x", AffinityRule.Kind.AFFINITY, RuleStrength.SOFT, vms("a", "zz"))), List.of(), Set.of());
        assertThatThrownBy(() -> new RuleValidator().validate(CLUSTER, unknown)).hasMessageContaining("zz");
        PlanningRequest twice = with(List.of(new AffinityRule("x", AffinityRule.Kind.AFFINITY, RuleStrength.SOFT, vms("a", "b")),
                new AffinityRule("x", AffinityRule.Kind.AFFINITY, RuleStrength.SOFT, vms("b", "c"))), List.of(), Set.of());
        assertThatThrownBy(() -> new RuleValidator().validate(CLUSTER, twice)).hasMessageContaining("'x'");
    }

    @Test
    void consistentRulesPass() {
        PlanningRequest r = with(List.of(new AffinityRule("apart", AffinityRule.Kind.ANTI_AFFINITY, RuleStrength.HARD, vms("a", "b"))),
                List.of(new HostRule("on-ssd", HostRule.Kind.MUST, RuleStrength.HARD, vms("a"), "disk", "ssd")), vms("a"));
        assertThatCode(() -> new RuleValidator().validate(CLUSTER, r)).doesNotThrowAnyException();
    }
}
