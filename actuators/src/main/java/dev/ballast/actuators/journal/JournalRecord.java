package dev.ballast.actuators.journal;

import dev.ballast.actuators.execution.StepStatus;
import dev.ballast.actuators.plan.LiveMigrate;
import dev.ballast.actuators.plan.PlanStep;
import dev.ballast.actuators.plan.PowerOff;
import dev.ballast.actuators.plan.PowerOn;
import dev.ballast.collectors.cluster.HostId;
import dev.ballast.collectors.cluster.VmId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One line of the journal. Fields are tab-separated; tabs, newlines and backslashes inside a field are escaped,
 * so a line is always one record and a torn last line is recognisable (it has no newline).
 * <pre>
 * PLAN    at planId stepCount
 * STEP    planId index migrate vm source target memoryMib reason | power-on host reason | power-off host reason
 * STATUS  at planId index status message
 * END     at planId outcome
 * </pre>
 */
sealed interface JournalRecord {
    record PlanStarted(Instant at, String planId, int stepCount) implements JournalRecord {
    }

    record StepDefined(String planId, int index, PlanStep step) implements JournalRecord {
    }

    record StatusChanged(Instant at, String planId, int index, StepStatus status, String message) implements JournalRecord {
    }

    record PlanEnded(Instant at, String planId, String outcome) implements JournalRecord {
    }

    static String encode(JournalRecord record) {
        List<String> f = switch (record) {
            case PlanStarted p -> List.of("PLAN", p.at().toString(), p.planId(), Integer.toString(p.stepCount()));
            case StepDefined d -> {
                List<String> fields = new ArrayList<>(List.of("STEP", d.planId(), Integer.toString(d.index())));
                switch (d.step()) {
                    case LiveMigrate m -> fields.addAll(List.of("migrate", m.vm().value(), m.source().value(), m.target().value(),
                            String.format(Locale.ROOT, "%s", m.memoryMib()), m.reason()));
                    case PowerOn on -> fields.addAll(List.of("power-on", on.host().value(), on.reason()));
                    case PowerOff off -> fields.addAll(List.of("power-off", off.host().value(), off.reason()));
                }
                yield fields;
            }
            case StatusChanged s -> List.of("STATUS", s.at().toString(), s.planId(), Integer.toString(s.index()), s.status().name(), s.message());
            case PlanEnded e -> List.of("END", e.at().toString(), e.planId(), e.outcome());
        };
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < f.size(); i++) {
            if (i > 0) {
                line.append('\t');
            }
            escape(f.get(i), line);
        }
        return line.append('\n').toString();
    }

    /** Parses one line (without its newline); the line number is for the error message. */
    static JournalRecord decode(String line, int lineNumber) {
        List<String> f = split(line);
        try {
            return switch (f.get(0)) {
                case "PLAN" -> new PlanStarted(Instant.parse(f.get(1)), f.get(2), Integer.parseInt(f.get(3)));
                case "STEP" -> new StepDefined(f.get(1), Integer.parseInt(f.get(2)), step(f));
                case "STATUS" -> new StatusChanged(Instant.parse(f.get(1)), f.get(2), Integer.parseInt(f.get(3)),
                        StepStatus.valueOf(f.get(4)), f.get(5));
                case "END" -> new PlanEnded(Instant.parse(f.get(1)), f.get(2), f.get(3));
                default -> throw new IllegalArgumentException("unknown record kind '" + f.get(0) + "'");
            };
        } catch (RuntimeException e) {
            throw new IllegalStateException("journal line " + lineNumber + " is not a valid record (" + e.getMessage() + "): " + line, e);
        }
    }

    private static PlanStep step(List<String> f) {
        return switch (f.get(3)) {
            case "migrate" -> new LiveMigrate(VmId.of(f.get(4)), HostId.of(f.get(5)), HostId.of(f.get(6)),
                    Double.parseDouble(f.get(7)), f.get(8));
            case "power-on" -> new PowerOn(HostId.of(f.get(4)), f.get(5));
            case "power-off" -> new PowerOff(HostId.of(f.get(4)), f.get(5));
            default -> throw new IllegalArgumentException("unknown step kind '" + f.get(3) + "'");
        };
    }

    private static void escape(String value, StringBuilder out) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    private static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\t') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\\' && i + 1 < line.length()) {
                char n = line.charAt(++i);
                field.append(switch (n) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> n;
                });
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
