package dev.ballast.collectors.influx;

import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.UsageSample;
import dev.ballast.collectors.cluster.VmId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class UsageSchemaTest {
    private final UsageSchema schema = new UsageSchema("prod");
    private final Instant at = Instant.parse("2026-11-29T12:00:00.000123Z");

    @Test
    void vmPointsCarryClusterHostAndVmTagsAndFloatFields() {
        String line = schema.vmPoint(VmId.of("web 1"), HostId.of("kvm-1"), UsageSample.of(at, 2, 1024))
                .lineProtocol(TimeUnit.MICROSECONDS);
        // floats are written without the integer suffix, so 2 and 2.5 share one field type
        assertThat(line).isEqualTo("vm_usage,cluster=prod,host=kvm-1,vm=web\\ 1 cpu=2.0,memory_mib=1024.0 "
                + UsageSchema.micros(at));
        assertThat(UsageSchema.micros(at)).isEqualTo(1_795_953_600_000_123L);
    }

    @Test
    void hostPointsHaveNoVmTag() {
        assertThat(schema.hostPoint(HostId.of("kvm-1"), UsageSample.of(at, 0.5, 2048.25))
                .lineProtocol(TimeUnit.MICROSECONDS))
                .isEqualTo("host_usage,cluster=prod,host=kvm-1 cpu=0.5,memory_mib=2048.25 1795953600000123");
    }

    @Test
    void windowQueriesBindTheTagValues() {
        var query = schema.vmWindowQuery("ballast", "rp", VmId.of("x'; DROP"), 12);
        assertThat(query.getCommand()).isEqualTo("SELECT \"cpu\", \"memory_mib\" FROM \"rp\".\"vm_usage\" WHERE "
                + "\"cluster\" = $cluster AND \"vm\" = $id ORDER BY time DESC LIMIT 12");
        assertThat(query.hasBoundParameters()).isTrue();
    }
}
