package dev.ballast.actuators.execution;

import dev.ballast.actuators.plan.LiveMigrate;
import dev.ballast.actuators.plan.PlanStep;
import dev.ballast.actuators.plan.PowerOff;
import dev.ballast.actuators.plan.PowerOn;
import dev.ballast.collectors.cluster.ClusterSnapshot;
import dev.ballast.collectors.cluster.Host;
import dev.ballast.collectors.cluster.HostState;
import dev.ballast.collectors.cluster.Vm;

import java.util.List;
import java.util.Optional;

/**
 * Pre- and post-conditions of each kind of step, judged on what the hypervisors report. A pre-condition tells
 * "nothing to do" (skip) from "cannot be done" (fail); a post-condition tells whether the step had its effect.
 */
final class StepConditions {
    private StepConditions() {
    }

    static Verdict before(PlanStep step, ClusterSnapshot now) {
        return switch (step) {
            case LiveMigrate m -> beforeMigration(m, now);
            case PowerOff off -> beforePowerOff(off, now);
            case PowerOn on -> beforePowerOn(on, now);
        };
    }

    static Verdict after(PlanStep step, ClusterSnapshot now) {
        return switch (step) {
            case LiveMigrate m -> {
                Optional<Vm> vm = now.vm(m.vm());
                if (vm.isEmpty()) {
                    yield Verdict.fail("vm " + m.vm() + " is no longer reported by any host after its migration to " + m.target());
                }
                yield vm.get().host().equals(m.target())
                        ? Verdict.proceed("vm " + m.vm() + " runs on " + m.target())
                        : Verdict.fail("vm " + m.vm() + " runs on " + vm.get().host() + ", not on its target " + m.target());
            }
            case PowerOff off -> hostIn(now, off.host(), HostState.OFF);
            case PowerOn on -> hostIn(now, on.host(), HostState.ON);
        };
    }

    private static Verdict beforeMigration(LiveMigrate m, ClusterSnapshot now) {
        Optional<Vm> vm = now.vm(m.vm());
        if (vm.isEmpty()) {
            return Verdict.skip("vm " + m.vm() + " is gone");
        }
        if (vm.get().host().equals(m.target())) {
            return Verdict.skip("vm " + m.vm() + " already runs on " + m.target());
        }
        if (!vm.get().host().equals(m.source())) {
            return Verdict.skip("vm " + m.vm() + " is no longer on " + m.source() + " (now on " + vm.get().host() + ")");
        }
        Optional<Host> target = now.host(m.target());
        if (target.isEmpty()) {
            return Verdict.fail("target host " + m.target() + " of vm " + m.vm() + " is unknown");
        }
        if (target.get().state() != HostState.ON) {
            return Verdict.fail("target host " + m.target() + " of vm " + m.vm() + " is " + target.get().state() + ", not ON");
        }
        return Verdict.proceed("vm " + m.vm() + " is on " + m.source() + " and " + m.target() + " is ON");
    }

    private static Verdict beforePowerOff(PowerOff off, ClusterSnapshot now) {
        Optional<Host> host = now.host(off.host());
        if (host.isEmpty()) {
            return Verdict.fail("host " + off.host() + " to power off is unknown");
        }
        if (host.get().state() == HostState.OFF) {
            return Verdict.skip("host " + off.host() + " is already OFF");
        }
        List<Vm> resident = now.vmsOn(off.host());
        if (!resident.isEmpty()) {
            return Verdict.fail("host " + off.host() + " still runs " + resident.size() + " VMs ("
                    + resident.stream().map(v -> v.id().value()).limit(5).toList() + ")");
        }
        return Verdict.proceed("host " + off.host() + " is empty");
    }

    private static Verdict beforePowerOn(PowerOn on, ClusterSnapshot now) {
        Optional<Host> host = now.host(on.host());
        if (host.isEmpty()) {
            return Verdict.fail("host " + on.host() + " to power on is unknown");
        }
        return switch (host.get().state()) {
            case ON -> Verdict.skip("host " + on.host() + " is already ON");
            case MAINTENANCE -> Verdict.fail("host " + on.host() + " is in MAINTENANCE; leave maintenance first");
            case OFF, BOOTING -> Verdict.proceed("host " + on.host() + " is " + host.get().state());
        };
    }

    private static Verdict hostIn(ClusterSnapshot now, dev.ballast.collectors.cluster.HostId id, HostState expected) {
        Optional<Host> host = now.host(id);
        if (host.isEmpty()) {
            return Verdict.fail("host " + id + " is no longer reported");
        }
        return host.get().state() == expected
                ? Verdict.proceed("host " + id + " is " + expected)
                : Verdict.fail("host " + id + " is " + host.get().state() + ", expected " + expected);
    }
}
