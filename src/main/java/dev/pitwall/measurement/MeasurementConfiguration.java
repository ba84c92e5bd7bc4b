package dev.pitwall.measurement;

import dev.pitwall.measurement.internal.ScorecardCache;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The scorecard cache and the one thread that refreshes it. */
@Configuration(proxyBeanMethods = false)
class MeasurementConfiguration {

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService scorecardRefresher() {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "scorecard-refresh");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    ScorecardCache scorecardCache(MeasurementProperties properties, Clock clock, ExecutorService scorecardRefresher) {
        return new ScorecardCache(properties.scorecardCacheEntries(), properties.scorecardCacheTtl(), clock,
                scorecardRefresher);
    }
}
