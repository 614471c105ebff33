package dev.ballast.actuators.journal;

import dev.ballast.actuators.execution.ExecutionJournal;
import dev.ballast.actuators.execution.ExecutionReport;
import dev.ballast.actuators.execution.StepOutcome;
import dev.ballast.actuators.execution.StepStatus;
import dev.ballast.actuators.plan.Plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An execution journal kept as a sequence of text records, one per line (see {@link JournalRecord} for the
 * format), in whatever durable storage a subclass provides: a local file, or a shared database where several
 * scheduler instances take turns. Reading it back gives every plan with the last recorded status of each step;
 * {@link JournalReconciler} closes the plans a dead executor left open.
 */
public abstract class LineJournal implements ExecutionJournal {

    /** Appends the lines (each ends with a newline) durably, all or none; throws when they cannot be stored. */
    protected abstract void appendLines(List<String> lines);

    /** Every line stored so far, oldest first, each without its newline; a torn last record is left out. */
    protected abstract List<String> readLines();

    /** The stored lines of one plan, oldest first; subclasses that can select them cheaply override this. */
    protected List<String> readLines(String planId) {
        return readLines().stream().filter(l -> !l.isEmpty() && planId.equals(planIdOf(l))).toList();
    }

    /** A name for error messages: the file, or the table and cluster. */
    protected abstract String describe();

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

    /** Marks a plan closed by reconciliation: it will not be reconciled again. */
    public void planReconciled(String planId, Instant at) {
        append(List.of(new JournalRecord.PlanEnded(at, planId, "reconciled")));
    }

    /** Every plan in the journal with the last recorded status of each step, in the order the plans started. */
    public List<JournaledPlan> read() {
        return parse(readLines());
    }

    private List<JournaledPlan> parse(List<String> lines) {
        Map<String, JournaledPlan.Builder> plans = new LinkedHashMap<>();
        int lineNumber = 0;
        for (String line : lines) {
            lineNumber++;
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

    /** One plan as the journal remembers it, finished or not. */
    public java.util.Optional<JournaledPlan> plan(String planId) {
        return parse(readLines(planId)).stream().filter(p -> p.plan().id().equals(planId)).findFirst();
    }

    /** The plan a record line belongs to. */
    protected static String planIdOf(String line) {
        return switch (JournalRecord.decode(line, 0)) {
            case JournalRecord.PlanStarted p -> p.planId();
            case JournalRecord.StepDefined d -> d.planId();
            case JournalRecord.StatusChanged c -> c.planId();
            case JournalRecord.PlanEnded e -> e.planId();
        };
    }

    /** The kind of a record line: PLAN, STEP, STATUS or END. */
    protected static String kindOf(String line) {
        int tab = line.indexOf('\t');
        return tab < 0 ? line : line.substring(0, tab);
    }

    private JournaledPlan.Builder builder(Map<String, JournaledPlan.Builder> plans, String planId, int lineNumber) {
        JournaledPlan.Builder b = plans.get(planId);
        if (b == null) {
            throw new IllegalStateException("journal " + describe() + " record " + lineNumber + " names plan " + planId + " before its PLAN record");
        }
        return b;
    }

    void append(List<JournalRecord> records) {
        appendLines(records.stream().map(JournalRecord::encode).toList());
    }
}
