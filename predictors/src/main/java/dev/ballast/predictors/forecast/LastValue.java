package dev.ballast.predictors.forecast;

/** The newest observation: the baseline every other estimator must beat. */
public record LastValue() implements Estimator {
    @Override
    public String name() {
        return "last";
    }

    @Override
    public int lookback() {
        return 1;
    }

    @Override
    public double next(double[] history) {
        Histories.tailStart(history, 1);
        return history[history.length - 1];
    }
}
