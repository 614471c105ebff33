package dev.ballast.scheduler.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Hot, warm, cold and green thresholds (Xiao, Song, Chen 2013) as fractions of capacity; the commonly cited
 * values are the defaults, not gospel.
 */
@ConfigurationProperties("ballast.spots")
public record SpotProperties(
        @Bindable(defaultValue = "0.9") double hotCpu,
        @Bindable(defaultValue = "0.8") double hotMemory,
        @Bindable(defaultValue = "0.65") double warm,
        @Bindable(defaultValue = "0.25") double cold,
        @Bindable(defaultValue = "0.4") double green) {
}
