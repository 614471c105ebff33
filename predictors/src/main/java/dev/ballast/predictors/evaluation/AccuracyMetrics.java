package dev.ballast.predictors.evaluation;

/**
 * Accuracy of one estimator on one trace set and resource; utilizations are fractions of the VM's allocation, so
 * errors are in fractions too (0.01 = one percentage point).
 *
 * @param intervals             forecasts scored
 * @param mae                   mean absolute error
 * @param rmse                  root mean squared error
 * @param underPredictionRate   share of intervals whose forecast was below the actual: the SLA risk
 * @param meanOverProvisioning  mean of max(0, forecast - actual): capacity reserved and not used
 * @param peakCapture           share of peak intervals (actual at or above the VM's own 95th percentile and above
 *                              its mean) whose forecast reached the actual
 * @param slaCost               mean of 3·under + 1·over ({@link dev.ballast.predictors.forecast.ForecastLoss#slaWeighted()}):
 *                              the single figure the default estimator is chosen by
 */
public record AccuracyMetrics(long intervals, double mae, double rmse, double underPredictionRate,
                              double meanOverProvisioning, double peakCapture, double slaCost) {
}
