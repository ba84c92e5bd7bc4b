package dev.pitwall.telemetry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.testing.ScratchDatabase;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Java migration 4.20 on a database migrated to 4.19 that already holds active months (an
 * installation with usage before the packs): every (month, workflow, person, mask) row arrives in
 * the packs, and a database without usage migrates too. On H2, and on PostgreSQL in its pass.
 */
@org.junit.jupiter.api.Tag("db")
class ActivePackBackfillTest {

    private ScratchDatabase database;
    private javax.sql.DataSource dataSource;

    @BeforeEach
    void createDatabase() {
        database = new ScratchDatabase();
        dataSource = database.dataSource();
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Test
    void activeMonthsOfAnExistingInstallationArriveInThePacks() {
        flyway().target("4.19").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Random random = new Random(11);
        Map<String, Integer> expected = new TreeMap<>();
        for (int month = 24_310; month <= 24_323; month++) {
            for (int workflow = 1; workflow <= 6; workflow++) {
                for (int person = 1; person <= 300; person++) {
                    if (random.nextInt(3) == 0) {
                        int days = 1 + random.nextInt(Integer.MAX_VALUE >>> 1);
                        jdbc.update("INSERT INTO telemetry_active_month (month_index, workflow_id, person_id, days)"
                                + " VALUES (?, ?, ?, ?)", month, workflow, person, days);
                        expected.put(month + "/" + workflow + "/" + person, days);
                    }
                }
            }
        }

        flyway().javaMigrations(new ActivePackBackfill()).load().migrate();

        Map<String, Integer> packed = new TreeMap<>();
        jdbc.query("SELECT month_index, workflow_id, people FROM telemetry_active_pack", rs -> {
            ActivePacks.Pack pack = ActivePacks.read(rs, 1, 2, 3);
            assertThat(pack.people()).isSorted();
            for (int i = 0; i < pack.people().length; i++) {
                packed.put(pack.monthIndex() + "/" + pack.workflowId() + "/" + pack.people()[i], pack.days()[i]);
            }
        });
        assertThat(expected).hasSizeGreaterThan(8_000);
        assertThat(packed).isEqualTo(expected);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM telemetry_active_pack", Long.class)).isEqualTo(14 * 6);
    }

    @Test
    void aDatabaseWithoutUsageMigratesToo() {
        flyway().javaMigrations(new ActivePackBackfill()).load().migrate();
        assertThat(new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM telemetry_active_pack", Long.class))
                .isZero();
    }

    private org.flywaydb.core.api.configuration.FluentConfiguration flyway() {
        return database.flyway();
    }
}
