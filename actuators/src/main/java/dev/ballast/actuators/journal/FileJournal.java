package dev.ballast.actuators.journal;

import dev.ballast.actuators.execution.ExecutionJournal;
import dev.ballast.actuators.execution.ExecutionReport;
import dev.ballast.actuators.execution.StepOutcome;
import dev.ballast.actuators.execution.StepStatus;
import dev.ballast.actuators.plan.Plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The executor's journal as an append-only file: every record is written and forced to the disk before the call
 * returns, so after the process is killed the file holds every transition the executor had acted on. A record cut
 * short by the kill (no newline) is ignored on reading.
 */
public final class FileJournal implements ExecutionJournal {
    private final Path file;

    public FileJournal(Path file) {
        this.file = Objects.requireNonNull(file, "journal file");
    }

    public Path file() {
        return file;
    }

    @Override
    public void planStarted(Plan plan, Instant at) {
        List<JournalRecord> records = new ArrayList<>();
        records.add(new JournalRecord.PlanStarted(at, plan.id(), plan.steps().size()));
        for (int i = 0; i < plan.steps().size(); i++) {
            records.add(new JournalRecord.StepDefined(plan.id(), i, plan.steps().get(i)));
        }
        append(records);
    }

    @Override
    public void stepChanged(String planId, StepOutcome outcome) {
        Instant at = outcome.finishedAt() != null ? outcome.finishedAt() : outcome.startedAt() != null ? outcome.startedAt() : Instant.now();
        append(List.of(new JournalRecord.StatusChanged(at, planId, outcome.index(), outcome.status(), outcome.message())));
    }

    @Override
    public void planFinished(ExecutionReport report, Instant at) {
        String outcome = report.succeeded() ? "succeeded"
                : report.steps().stream().anyMatch(s -> s.status() == StepStatus.CANCELLED) ? "cancelled" : "failed";
        append(List.of(new JournalRecord.PlanEnded(at, report.planId(), outcome)));
    }

    void planReconciled(String planId, Instant at) {
        append(List.of(new JournalRecord.PlanEnded(at, planId, "reconciled")));
    }

    /** Every plan in the journal with the last recorded status of each step, in the order the plans started. */
    public List<JournaledPlan> read() {
        if (!Files.exists(file)) {
            return List.of();
        }
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read journal " + file, e);
        }
        Map<String, JournaledPlan.Builder> plans = new LinkedHashMap<>();
        int lineNumber = 0;
        int start = 0;
        while (true) {
            int end = content.indexOf('\n', start);
            if (end < 0) {
                break; // a torn last record, written when the process died: never acted on
            }
            lineNumber++;
            String line = content.substring(start, end);
            start = end + 1;
            if (line.isEmpty()) {
                continue;
            }
            JournalRecord record = JournalRecord.decode(line, lineNumber);
            switch (record) {
                case JournalRecord.PlanStarted p -> plans.put(p.planId(), new JournaledPlan.Builder(p.planId(), p.at()));
                case JournalRecord.StepDefined d -> builder(plans, d.planId(), lineNumber).define(d.index(), d.step());
                case JournalRecord.StatusChanged s -> builder(plans, s.planId(), lineNumber).status(s.index(), s.status(), s.message(), s.at());
                case JournalRecord.PlanEnded e -> builder(plans, e.planId(), lineNumber).ended(e.outcome());
            }
        }
        return plans.values().stream().map(JournaledPlan.Builder::build).toList();
    }

    private JournaledPlan.Builder builder(Map<String, JournaledPlan.Builder> plans, String planId, int lineNumber) {
        JournaledPlan.Builder b = plans.get(planId);
        if (b == null) {
            throw new IllegalStateException("journal " + file + " line " + lineNumber + " names plan " + planId + " before its PLAN record");
        }
        return b;
    }

    synchronized void append(List<JournalRecord> records) {
        StringBuilder text = new StringBuilder();
        records.forEach(r -> text.append(JournalRecord.encode(r)));
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to journal " + file, e);
        }
    }
}
