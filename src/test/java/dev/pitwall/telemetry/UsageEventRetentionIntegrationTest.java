package dev.pitwall.telemetry;

import com.jayway.jsonpath.JsonPath;
import dev.pitwall.platform.audit.AuditLog;
import dev.pitwall.platform.audit.AuditQuery;
import dev.pitwall.platform.web.PageQuery;
import dev.pitwall.telemetry.internal.UsageEventFilter;
import dev.pitwall.telemetry.internal.UsageEventStore;
import dev.pitwall.telemetry.internal.UsageEvents;
import dev.pitwall.testing.MovableClock;
import dev.pitwall.testing.PitwallIntegrationTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Retention of raw usage events with an injected clock: events of whole months older than 13
 * months are deleted (on PostgreSQL their partitions are dropped), their rollups kept, so every
 * figure at a date they count in stays what it was; an event of those days sent again is refused,
 * and rebuilding rollups leaves those days alone. A source with its own period (web-proxy logs, six
 * months here) has its own floor.
 */
@PitwallIntegrationTest
@Import(MovableClock.Configuration.class)
@TestPropertySource(properties = {"pitwall.telemetry.retention.raw-events=P13M",
        "pitwall.telemetry.retention.sources.PROXY_LOG=P6M", "pitwall.retention-test=true"})
class UsageEventRetentionIntegrationTest {

    private static final RequestPostProcessor ADMIN = httpBasic("admin", "test-admin-password");
    private static final LocalDate D = LocalDate.of(2031, 6, 15);
    /** In April 2030: the first day kept at D is 2030-05-01 (the month of D − 13 months). */
    private static final LocalDate OLD = D.minusDays(420);

    @Autowired
    MockMvc mvc;
    @Autowired
    MovableClock clock;
    @Autowired
    RollupService rollups;
    @Autowired
    UsageEventRetention retention;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditLog auditLog;
    @Autowired
    dev.pitwall.telemetry.internal.UsageEventPartitions partitions;
    @Autowired
    UsageEventStore eventStore;

    @Test
    void oldRawEventsGoTheirRollupsAndFiguresStay() throws Exception {
        clock.set(D.minusDays(450));
        send(post("/api/v1/teams"), "{\"name\":\"Retention team\"}", 201);
        StringBuilder intended = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            send(post("/api/v1/people"), """
                    {"email":"r%d@retention.test","name":"Retained %d","level":"PRACTITIONER","tier":"CONSUMER"}"""
                    .formatted(i, i), 201);
            intended.append(i == 0 ? "" : ",").append("\"r").append(i).append("@retention.test\"");
        }
        send(post("/api/v1/ai-systems"), "{\"key\":\"ret\",\"name\":\"Retention system\",\"kind\":\"AGENT\"}", 201);
        send(post("/api/v1/workflows"), """
                {"key":"ret","name":"Retention workflow","stage":"PILOT","systems":["ret"],"aiGoLive":"%s",
                 "intendedUsers":{"people":[%s],"teams":[]}}""".formatted(D.minusDays(440), intended), 201);

        clock.advance(Duration.ofDays(51));
        ingest(OLD, "old", 0, 1, 2);
        clock.set(D);
        ingest(D.minusDays(3), "new", 3, 4);
        rollups.rollUpPending();
        Map<String, Object> then = figures(OLD.plusDays(5));
        Map<String, Object> now = figures(D);
        assertThat(then.get("/api/v1/scorecards/workflows/ret reach")).isEqualTo(0.5);
        long rollupRowsBefore = jdbc.sql("SELECT COUNT(*) FROM telemetry_daily_rollup WHERE event_day = ?").param(OLD)
                .query(Long.class).single();

        // Web-proxy requests to AI services of both days.
        send(post("/api/v1/imports/proxy-logs").param("format", "zscaler").contentType("text/csv"),
                "time,login,host\n%sT09:00:00Z,r0@retention.test,chatgpt.com\n%sT09:00:00Z,r3@retention.test,chatgpt.com\n"
                        .formatted(OLD, D.minusDays(3)), 200);

        // Months kept whole, on every store (PostgreSQL's partitions, ClickHouse's; rows on H2).
        boolean monthly = partitions.partitioned();
        if (monthly) {
            assertThat(retention.retention().get(TelemetrySource.NATIVE).partitions()).isGreaterThanOrEqualTo(2);
            assertThat(retention.retention().get(TelemetrySource.NATIVE).oldestMonth()).isEqualTo(YearMonth.from(OLD));
        }
        if (monthly && eventStore instanceof UsageEvents) {
            assertThat(partitions.existing()).extracting(p -> p.table())
                    .contains("telemetry_usage_event_native_203004", "telemetry_usage_event_native_203106");
        }
        assertThat(retention.sweep()).isEqualTo(3);
        if (monthly) {
            assertThat(retention.retention().get(TelemetrySource.NATIVE).oldestMonth()).isEqualTo(YearMonth.from(D));
        }
        if (monthly && eventStore instanceof UsageEvents) {
            assertThat(partitions.existing()).extracting(p -> p.table())
                    .doesNotContain("telemetry_usage_event_native_203004")
                    .contains("telemetry_usage_event_native_203106");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM pg_class WHERE relname = 'telemetry_usage_event_native_203004'")
                    .query(Long.class).single()).isZero();
            // Made ahead: this month's and next month's, for every source with events.
            partitions.createAhead();
            assertThat(partitions.existing()).extracting(p -> p.table())
                    .contains("telemetry_usage_event_native_203107");
        }
        assertThat(jdbc.sql("SELECT request_day FROM telemetry_ai_request WHERE person_ref LIKE '%@retention.test'")
                .query(LocalDate.class).list())
                .containsExactly(D.minusDays(3));
        String oldProxy = send(post("/api/v1/imports/proxy-logs").param("format", "zscaler").contentType("text/csv"),
                "time,login,host\n%sT10:00:00Z,r1@retention.test,chatgpt.com\n".formatted(OLD), 400);
        assertThat(oldProxy).contains("no longer kept");

        // Counted through the event store: the same on every store.
        assertThat(eventStore.count(new UsageEventFilter(null, null, null, null, null, null,
                D.minusMonths(13).atStartOfDay(ZoneOffset.UTC).toInstant(), null, null))).isZero();
        assertThat(eventStore.count(UsageEventFilter.none())).isEqualTo(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM telemetry_daily_rollup WHERE event_day = ?").param(OLD)
                .query(Long.class).single()).isEqualTo(rollupRowsBefore).isPositive();
        assertThat(figures(OLD.plusDays(5))).isEqualTo(then);
        assertThat(figures(D)).isEqualTo(now);
        assertThat(retention.sweep()).as("a second sweep the same day").isZero();

        // An event of those days sent again is refused, naming its line and field.
        String refused = send(post("/api/v1/usage-events").contentType("application/x-ndjson"),
                event(OLD, "old-again", 5), 400);
        assertThat(refused).contains("no longer kept");
        assertThat(JsonPath.<List<String>>read(refused, "$.errors[*].field")).contains("time");
        // Rebuilding the rollups (as re-attribution does) leaves the days without raw events alone.
        rollups.rebuild(OLD.minusDays(10), D);
        assertThat(figures(OLD.plusDays(5))).isEqualTo(then);
        assertThat(figures(D)).isEqualTo(now);

        assertThat(auditLog.find(new AuditQuery("USAGE_RETENTION", null, null, null, null, null), new PageQuery(0, 5))
                .content()).singleElement().satisfies(e -> assertThat(e.after()).contains("\"eventsDeleted\":3")
                        .contains("\"proxyRequestsDeleted\":1").contains("\"NATIVE\":\"2030-05-01\"")
                        .contains("\"PROXY_LOG\":\"2030-12-01\""));

        // The Telemetry page says what each source keeps.
        String page = send(get("/telemetry").accept(MediaType.TEXT_HTML), null, 200);
        String sources = page.substring(page.indexOf("id=\"sources-table\""), page.indexOf("</table>",
                page.indexOf("id=\"sources-table\"")));
        assertThat(row(sources, "Native usage events")).contains("13 months", "from 2030-05-01");
        assertThat(row(sources, "Web-proxy logs")).contains("6 months", "from 2030-12-01");
        assertThat(row(sources, "OpenTelemetry evaluation events")).contains("not usage events");
        assertThat(row(sources, "Kafka topic")).contains("as native usage events");
        if (partitions.partitioned() && eventStore instanceof UsageEvents) {
            // This month's and next month's, made ahead.
            assertThat(row(sources, "Native usage events")).contains("2 monthly partitions, since 2031-06");
        } else if (partitions.partitioned()) {
            // ClickHouse's months with events.
            assertThat(row(sources, "Native usage events")).contains("1 monthly partition, since 2031-06");
        }

        // Each source has its own floor: native events of June 2030 are still taken, web-proxy requests not.
        ingest(LocalDate.of(2030, 6, 2), "june", 1);
        String juneProxy = send(post("/api/v1/imports/proxy-logs").param("format", "zscaler").contentType("text/csv"),
                "time,login,host\n2030-06-02T10:00:00Z,r1@retention.test,chatgpt.com\n", 400);
        assertThat(juneProxy).contains("2030-12-01");
    }

    /** The text of the table row of a source, tags and extra spaces removed. */
    private static String row(String table, String source) {
        return java.util.Arrays.stream(table.split("<tr")).map(r -> r.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " "))
                .filter(r -> r.contains(source)).findFirst().orElseThrow();
    }

    private void ingest(LocalDate day, String prefix, int... people) throws Exception {
        StringBuilder events = new StringBuilder();
        for (int p : people) {
            events.append(event(day, prefix + "-" + p, p));
        }
        String answer = send(post("/api/v1/usage-events").contentType("application/x-ndjson"), events.toString(), 200);
        assertThat(JsonPath.<Integer>read(answer, "$.accepted")).isEqualTo(people.length);
    }

    private static String event(LocalDate day, String id, int person) {
        return "{\"id\":\"%s\",\"time\":\"%sT09:00:00Z\",\"person\":\"r%d@retention.test\",\"system\":\"ret\",\"workflow\":\"ret\",\"operation\":\"chat\",\"outcome\":\"ACCEPTED\"}\n"
                .formatted(id, day, person);
    }

    private Map<String, Object> figures(LocalDate asOf) throws Exception {
        Map<String, Object> figures = new TreeMap<>();
        for (String path : List.of("/api/v1/scorecards/organization", "/api/v1/scorecards/workflows/ret")) {
            List<Map<String, Object>> list = JsonPath.read(send(get(path).param("asOf", asOf.toString()), null, 200),
                    "$.figures");
            list.forEach(f -> figures.put(path + " " + f.get("id"), f.get("value")));
        }
        return figures;
    }

    private String send(MockHttpServletRequestBuilder request, String body, int status) throws Exception {
        request.with(ADMIN);
        if (body != null) {
            if (request.buildRequest(new org.springframework.mock.web.MockServletContext()).getContentType() == null) {
                request.contentType(MediaType.APPLICATION_JSON);
            }
            request.content(body);
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        return response.getContentAsString();
    }
}
