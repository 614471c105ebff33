package dev.ballast.predictors.evaluation;

/** One line of the accuracy table: an estimator on one trace set and resource. */
public record EvaluationRow(String traceSet, String resource, int vms, String estimator, AccuracyMetrics metrics) {
}
