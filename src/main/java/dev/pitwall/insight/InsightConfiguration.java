package dev.pitwall.insight;

import dev.pitwall.platform.security.PublicPages;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InsightProperties.class)
class InsightConfiguration {

    /** A pulse's one-time link is answered without sign-in: the link's token is its own secret. */
    @Bean
    PublicPages pulseLinkPages() {
        return new PublicPages(List.of("/pulse/*"));
    }
}
