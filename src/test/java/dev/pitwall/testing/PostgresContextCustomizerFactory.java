package dev.pitwall.testing;

import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * In the PostgreSQL pass, points each Spring test context at a database of its own, created for
 * this run, so contexts never see each other's rows (as they don't on in-memory H2).
 */
public class PostgresContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        return TestDatabases.POSTGRESQL ? new PostgresDatabase() : null;
    }

    /** Equal for every test class, so it does not split Spring's context cache. */
    private static final class PostgresDatabase implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            if (!TestDatabases.postgresReachable()) {
                return;
            }
            String database = TestDatabases.createDatabase();
            Map<String, Object> properties = new java.util.HashMap<>(Map.of(
                    "spring.datasource.url", TestDatabases.urlOf(database),
                    "spring.datasource.username", TestDatabases.USER,
                    "spring.datasource.password", TestDatabases.PASSWORD));
            if (TestClickHouse.STORE) {
                // The third pass: raw events in a ClickHouse database of the context's own, same name.
                properties.put("pitwall.telemetry.store", "clickhouse");
                properties.put("pitwall.telemetry.clickhouse.url", TestClickHouse.URL.toString());
                properties.put("pitwall.telemetry.clickhouse.database", database);
                TestClickHouse.created(database);
                ((BeanDefinitionRegistry) context.getBeanFactory()).registerBeanDefinition("pitwallTestClickHouseDropper",
                        BeanDefinitionBuilder.genericBeanDefinition(DisposableBean.class,
                                () -> () -> TestClickHouse.drop(database)).getBeanDefinition());
            }
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("pitwall-test-postgresql", properties));
            context.addBeanFactoryPostProcessor(factory -> dropAfterTheDataSourceCloses(factory, database));
        }

        /**
         * Registers a bean that drops the database when destroyed, and makes the data source depend
         * on it: Spring destroys dependents first, so the pool is closed before the database goes.
         */
        private static void dropAfterTheDataSourceCloses(ConfigurableListableBeanFactory factory, String database) {
            String dropper = "pitwallTestDatabaseDropper";
            ((BeanDefinitionRegistry) factory).registerBeanDefinition(dropper, BeanDefinitionBuilder
                    .genericBeanDefinition(DisposableBean.class, () -> () -> TestDatabases.drop(database))
                    .getBeanDefinition());
            if (factory.containsBeanDefinition("dataSource")) {
                BeanDefinition dataSource = factory.getBeanDefinition("dataSource");
                String[] dependsOn = dataSource.getDependsOn() == null ? new String[0] : dataSource.getDependsOn();
                String[] extended = java.util.Arrays.copyOf(dependsOn, dependsOn.length + 1);
                extended[dependsOn.length] = dropper;
                dataSource.setDependsOn(extended);
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof PostgresDatabase;
        }

        @Override
        public int hashCode() {
            return PostgresDatabase.class.hashCode();
        }
    }
}
