package dev.ballast.scheduler.planning;

import java.util.List;

/** Rules that can never all hold; the message and {@link #rules()} name them. */
public final class ContradictoryRulesException extends IllegalArgumentException {
    private final List<String> rules;

    public ContradictoryRulesException(List<String> rules, String message) {
        super(message);
        this.rules = List.copyOf(rules);
    }

    public List<String> rules() {
        return rules;
    }
}
