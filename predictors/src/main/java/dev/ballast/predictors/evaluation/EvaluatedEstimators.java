package dev.ballast.predictors.evaluation;

import dev.ballast.predictors.forecast.DefaultEstimator;
import dev.ballast.predictors.forecast.Estimator;
import dev.ballast.predictors.forecast.Ewma;
import dev.ballast.predictors.forecast.FastUpSlowDown;
import dev.ballast.predictors.forecast.ForecastLoss;
import dev.ballast.predictors.forecast.Holt;
import dev.ballast.predictors.forecast.HoltWinters;
import dev.ballast.predictors.forecast.LastValue;
import dev.ballast.predictors.forecast.LocalRegression;
import dev.ballast.predictors.forecast.RecentErrorSelector;
import dev.ballast.predictors.forecast.WindowPercentile;

import java.util.ArrayList;
import java.util.List;

/** The estimators the evaluation and the speed benchmark compare, with the parameters in their names. */
public final class EvaluatedEstimators {
    private EvaluatedEstimators() {
    }

    /** The recent-error selector over the cheap candidates, one hour of errors, under the SLA-weighted loss. */
    public static RecentErrorSelector selector() {
        return new RecentErrorSelector(List.of(new LastValue(), new Ewma(0.7), FastUpSlowDown.paperDefaults(), Holt.defaults(),
                LocalRegression.unscaled(), new WindowPercentile(12, 95)), 12, ForecastLoss.slaWeighted());
    }

    /** FUSD around the paper's parameters: alphaUp -0.4, -0.2, 0 (0 = no overshoot) by alphaDown 0.5, 0.7, 0.9. */
    public static List<Estimator> fusdGrid() {
        List<Estimator> out = new ArrayList<>();
        for (double up : new double[] {-0.4, -0.2, 0.0}) {
            for (double down : new double[] {0.5, 0.7, 0.9}) {
                out.add(new FastUpSlowDown(up, down));
            }
        }
        return out;
    }

    public static List<Estimator> all() {
        RecentErrorSelector selector = selector();
        List<Estimator> out = new ArrayList<>(List.of(
                new LastValue(),
                new Ewma(0.3),
                new Ewma(0.7),
                FastUpSlowDown.paperDefaults(),
                DefaultEstimator.create(),
                Holt.defaults(),
                HoltWinters.daily(),
                LocalRegression.unscaled(),
                LocalRegression.beloglazovBuyya(),
                new WindowPercentile(12, 95),
                new WindowPercentile(48, 95)));
        for (Estimator candidate : selector.candidates()) {
            if (!out.contains(candidate)) {
                out.add(candidate);
            }
        }
        out.add(selector);
        return out;
    }
}
