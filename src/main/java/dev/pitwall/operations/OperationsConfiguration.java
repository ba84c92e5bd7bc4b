package dev.pitwall.operations;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({OperationsProperties.class, NotificationProperties.class})
class OperationsConfiguration {
}
