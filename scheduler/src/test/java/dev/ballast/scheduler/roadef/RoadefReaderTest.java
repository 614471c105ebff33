package dev.ballast.scheduler.roadef;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoadefReaderTest {
    // 2 resources (the first transient), 2 machines, 2 services (1 depends on 0), 3 processes, 1 balance objective.
    private static final String MODEL = """
            2
            1 10
            0 20
            2
            0 0 10 20 8 16 0 3
            1 1 10 20 8 16 4 0
            2
            2 0
            1 1 0
            3
            0 2 4 100
            0 3 5 200
            1 1 1 300
            1
            0 1 5
            7
            1 2 3
            """;

    @TempDir
    Path directory;

    @Test
    void readsEveryFieldOfTheModelAndTheAssignment() throws IOException {
        RoadefInstance instance = read(MODEL, "0 1 1\n");

        assertThat(instance.resources()).containsExactly(new RoadefResource(0, true, 10), new RoadefResource(1, false, 20));
        RoadefMachine second = instance.machines().get(1);
        assertThat(second.neighborhood()).isEqualTo(1);
        assertThat(second.location()).isEqualTo(1);
        assertThat(second.capacities()).containsExactly(10, 20);
        assertThat(second.safetyCapacities()).containsExactly(8, 16);
        assertThat(second.moveCosts()).containsExactly(4, 0);
        assertThat(instance.services().get(0).spreadMin()).isEqualTo(2);
        assertThat(instance.services().get(1).dependencies()).containsExactly(0);
        RoadefProcess third = instance.processes().get(2);
        assertThat(third.service()).isEqualTo(1);
        assertThat(third.requirements()).containsExactly(1, 1);
        assertThat(third.moveCost()).isEqualTo(300);
        assertThat(instance.balanceObjectives()).containsExactly(new BalanceObjective(0, 1, 5, 7));
        assertThat(instance.weights()).isEqualTo(new MoveCostWeights(1, 2, 3));
        assertThat(instance.originalMachines()).containsExactly(0, 1, 1);
        assertThat(instance.neighborhoodCount()).isEqualTo(2);
    }

    @Test
    void aTruncatedModelNamesWhatWasExpected() {
        String truncated = MODEL.substring(0, MODEL.indexOf("0 1 5"));

        assertThatThrownBy(() -> read(truncated, "0 1 1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("model_t.txt")
                .hasMessageContaining("first resource of balance objective 0")
                .hasMessageContaining("file ended");
    }

    @Test
    void aNonNumberNamesTheOffendingText() {
        String broken = MODEL.replace("0 0 10 20 8 16 0 3", "0 0 10 2x 8 16 0 3");

        assertThatThrownBy(() -> read(broken, "0 1 1"))
                .hasMessageContaining("capacity of machine 0 for resource 1")
                .hasMessageContaining("'2x'");
    }

    @Test
    void anAssignmentToAnUnknownMachineIsRejected() {
        assertThatThrownBy(() -> read(MODEL, "0 1 2"))
                .hasMessageContaining("machine of process 2 must be in [0, 2), was 2");
    }

    @Test
    void anAssignmentWithTooManyEntriesIsRejected() {
        assertThatThrownBy(() -> read(MODEL, "0 1 1 0"))
                .hasMessageContaining("expected the end of the file after 3 numbers but found '0'");
    }

    @Test
    void aSafetyCapacityAboveTheCapacityIsRejected() {
        assertThatThrownBy(() -> read(MODEL.replace("0 0 10 20 8 16", "0 0 10 20 11 16"), "0 1 1"))
                .hasMessageContaining("safety capacity 11 of machine 0 for resource 0 exceeds its capacity 10");
    }

    @Test
    void theWriterWritesOneLineThatReadsBack() throws IOException {
        RoadefInstance instance = read(MODEL, "0 1 1");
        Path solution = directory.resolve("out/solution_t.txt");

        RoadefSolutionWriter.write(solution, new int[] {1, 0, 1});

        assertThat(Files.readString(solution)).isEqualTo("1 0 1\n");
        assertThat(RoadefReader.readAssignment(solution, instance.processCount(), instance.machineCount())).containsExactly(1, 0, 1);
    }

    @Test
    void theCheckerPricesTheSmallModelByHand() throws IOException {
        RoadefInstance instance = read(MODEL, "0 1 1");
        // Move process 0 (service 0) from machine 0 to machine 1: service 0 then sits in one location only (spread 2),
        // machine 0 still holds its transient resource 0, and service 1 in neighborhood 1 finds service 0 there.
        CheckResult moved = RoadefChecker.check(instance, new int[] {1, 1, 1});

        assertThat(moved.violationCounts()).containsEntry(RoadefChecker.CONFLICT, 1).containsEntry(RoadefChecker.SPREAD, 1)
                .containsEntry(RoadefChecker.CAPACITY, 0).containsEntry(RoadefChecker.TRANSIENT, 0)
                .containsEntry(RoadefChecker.DEPENDENCY, 0);
        // Usage on machine 1: r0 = 2+3+1 = 6, r1 = 4+5+1 = 10; machine 0 empty. Load cost: none above 8 / 16.
        // Balance 5 × free(r0) − free(r1): machine 0: 5×10 − 20 = 30; machine 1: 5×4 − 10 = 10. Total 40, weight 7.
        // Process move 100 (weight 1), service move 1 (weight 2), machine move 3 (weight 3).
        assertThat(moved.costs().loadCosts()).containsExactly(0, 0);
        assertThat(moved.costs().balanceCosts()).containsExactly(40);
        assertThat(moved.costs().total()).isEqualTo(7 * 40 + 100 + 2 + 3 * 3);
    }

    private RoadefInstance read(String model, String assignment) throws IOException {
        Path modelFile = Files.writeString(directory.resolve("model_t.txt"), model);
        Path assignmentFile = Files.writeString(directory.resolve("assignment_t.txt"), assignment);
        return RoadefReader.read("t", modelFile, assignmentFile);
    }
}
