package dev.ballast.scheduler.benchmark;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SpecPowerTableTest {
    @Test
    void givesTheTablePointsAndInterpolatesBetweenThem() {
        assertThat(SpecPowerTable.G4.power(0)).isEqualTo(86);
        assertThat(SpecPowerTable.G5.power(1)).isEqualTo(135);
        assertThat(SpecPowerTable.G5.power(0.5)).isCloseTo(116, within(1e-9));
        // 25 % on a G5: halfway between 101 W (20 %) and 105 W (30 %)
        assertThat(SpecPowerTable.G5.power(0.25)).isCloseTo(103, within(1e-9));
        assertThat(SpecPowerTable.G4.power(0.95)).isCloseTo(115.5, within(1e-9));
    }

    @Test
    void rejectsUtilizationOutsideZeroToOneNamingTheValue() {
        assertThatThrownBy(() -> SpecPowerTable.G4.power(1.2)).hasMessageContaining("1.2").hasMessageContaining("G4");
        assertThatThrownBy(() -> new SpecPowerTable("x", new double[3])).hasMessageContaining("11 points");
    }

    @Test
    void vmTypesComeInFourContiguousQuarters() {
        assertThat(VmType.cloudSimTypeOf(0, 1052).mips()).isEqualTo(2500);
        assertThat(VmType.cloudSimTypeOf(262, 1052).mips()).isEqualTo(2500);
        assertThat(VmType.cloudSimTypeOf(263, 1052).mips()).isEqualTo(2000);
        assertThat(VmType.cloudSimTypeOf(526, 1052).ramMb()).isEqualTo(1740);
        assertThat(VmType.cloudSimTypeOf(1051, 1052).mips()).isEqualTo(500);
        // CloudSim's ceil: 5 VMs are quarters of 2, 2, 1
        assertThat(VmType.cloudSimTypeOf(4, 5).mips()).isEqualTo(1000);
    }
}
