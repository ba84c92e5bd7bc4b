package dev.pitwall.platform;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PlatformProperties.class, dev.pitwall.platform.audit.AuditProperties.class,
        dev.pitwall.platform.identity.IdentityProperties.class,
        dev.pitwall.platform.privacy.PrivacyProperties.class})
class PlatformConfiguration {

    /** The one source of "now": domain code takes it injected so any as-of date can be tested. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
