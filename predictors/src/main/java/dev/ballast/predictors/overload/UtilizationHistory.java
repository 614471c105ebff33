package dev.ballast.predictors.overload;

import java.util.Arrays;

/** Checks shared by the detectors. */
final class UtilizationHistory {
    private UtilizationHistory() {
    }

    /** The last {@code window} values, after checking them. */
    static double[] tail(double[] history, int window) {
        if (history == null || history.length == 0) {
            throw new IllegalArgumentException("host utilization history must hold at least one value, was "
                    + (history == null ? "null" : "empty"));
        }
        int from = Math.max(0, history.length - window);
        for (int i = from; i < history.length; i++) {
            if (!Double.isFinite(history[i]) || history[i] < 0) {
                throw new IllegalArgumentException("host utilization history[" + i + "] must be finite and >= 0, was " + history[i]);
            }
        }
        return Arrays.copyOfRange(history, from, history.length);
    }

    static double current(double[] history) {
        return history[history.length - 1];
    }

    static void requirePositive(String name, double value) {
        if (!Double.isFinite(value) || value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, was " + value);
        }
    }
}
