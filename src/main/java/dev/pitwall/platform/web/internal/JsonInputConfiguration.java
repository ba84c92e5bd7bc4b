package dev.pitwall.platform.web.internal;

import dev.pitwall.platform.web.InputJson;
import java.util.List;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mapper Spring MVC reads request bodies with starts from {@link InputJson}'s factory, so API
 * bodies have the same limits and text policy as every other input; Spring Boot's customizers
 * (properties, modules, problem details) are applied to it as they would be to its own.
 */
@Configuration(proxyBeanMethods = false)
class JsonInputConfiguration {

    @Bean
    @Scope("prototype")
    JsonMapper.Builder jsonMapperBuilder(List<JsonMapperBuilderCustomizer> customizers) {
        // A key given twice is ambiguous (which one counts?); API bodies refuse it.
        JsonMapper.Builder builder = InputJson.builder().enable(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION);
        customizers.forEach(customizer -> customizer.customize(builder));
        return builder;
    }
}
