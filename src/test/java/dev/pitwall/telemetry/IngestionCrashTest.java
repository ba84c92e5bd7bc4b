package dev.pitwall.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.telemetry.clickhouse.ClickHouseClient;
import dev.pitwall.testing.DatabaseAvailability;
import dev.pitwall.testing.TestClickHouse;
import dev.pitwall.testing.TestDatabases;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Durability: Pitwall runs in a process of its own (the embedded H2 file database as installed,
 * or PostgreSQL in the second pass), clients post NDJSON batches, and the process is killed with
 * SIGKILL in the middle of ingestion. After a restart every acknowledged event is stored, none
 * twice, and the daily rollups (rebuilt for batches the dead process committed but did not roll
 * up) count each stored event once. In the ClickHouse pass the nodes keep raw events in ClickHouse
 * (a database of the test's own): every acknowledged event is read back from there, visible, once.
 */
@Tag("db")
@ExtendWith(DatabaseAvailability.class)
class IngestionCrashTest {

    private static final String PASSWORD = "crash-test-password";
    private static final int WRITERS = 4;
    private static final int BATCH = 500;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD)
            .getBytes(StandardCharsets.UTF_8));

    @Test
    void aProcessKilledMidIngestionLosesNoAcknowledgedEvent() throws Exception {
        killMidIngestion(List.of());
    }

    /**
     * The same with the Kafka write path: the node acknowledges once the broker (in this JVM) has
     * the events, and is killed with its store writers mid-stream, so a poll may be stored and not
     * committed. After the restart its writers store what is left and find the rest stored.
     */
    @Test
    void aProcessKilledMidIngestionOnTheKafkaWritePathLosesNoAcknowledgedEvent() throws Exception {
        org.springframework.kafka.test.EmbeddedKafkaKraftBroker broker =
                new org.springframework.kafka.test.EmbeddedKafkaKraftBroker(1, 4, "pitwall.accepted-usage-events");
        broker.afterPropertiesSet();
        try {
            killMidIngestion(List.of("--pitwall.telemetry.write-path=kafka",
                    "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                    "--pitwall.telemetry.kafka.retry-backoff=500ms"));
        } finally {
            broker.destroy();
        }
    }

    private void killMidIngestion(List<String> options) throws Exception {
        Path dir = Files.createTempDirectory("pitwall-crash");
        String database = TestDatabases.POSTGRESQL ? TestDatabases.createDatabase() : null;
        this.options = options;
        try {
            int port = freePort();
            Process first = start(dir, database, port);
            awaitHealthy(first, port);
            post(port, "/api/v1/people", "application/json",
                    "{\"email\":\"crash@telemetry.test\",\"name\":\"Crash\",\"level\":\"PRACTITIONER\",\"tier\":\"CONSUMER\"}");
            post(port, "/api/v1/ai-systems", "application/json",
                    "{\"key\":\"crash-system\",\"name\":\"Crash\",\"kind\":\"AGENT\"}");

            Set<String> acknowledged = java.util.concurrent.ConcurrentHashMap.newKeySet();
            AtomicBoolean running = new AtomicBoolean(true);
            CountDownLatch enough = new CountDownLatch(WRITERS * 3);
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.submit(() -> {
                    for (int batch = 0; running.get(); batch++) {
                        List<String> ids = new ArrayList<>(BATCH);
                        StringBuilder body = new StringBuilder();
                        for (int i = 0; i < BATCH; i++) {
                            String id = "w" + writer + "-b" + batch + "-e" + i;
                            ids.add(id);
                            body.append("{\"id\":\"").append(id).append("\",\"time\":\"").append(Instant.now())
                                    .append("\",\"person\":\"crash@telemetry.test\",\"system\":\"crash-system\",")
                                    .append("\"inputTokens\":10}\n");
                        }
                        try {
                            HttpResponse<String> response = send(port, "/api/v1/usage-events", "application/x-ndjson",
                                    body.toString());
                            if (response.statusCode() == 200) {
                                acknowledged.addAll(ids);
                                enough.countDown();
                            }
                        } catch (IOException e) {
                            // The server died under this request: not acknowledged, may or may not be stored.
                        } catch (InterruptedException e) {
                            return null;
                        }
                    }
                    return null;
                });
            }
            assertThat(enough.await(120, TimeUnit.SECONDS)).as("ingestion under way").isTrue();
            first.destroyForcibly();
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            running.set(false);
            writers.shutdown();
            assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            assertThat(first.exitValue()).as("killed by SIGKILL").isEqualTo(137);

            Process second = start(dir, database, port);
            awaitHealthy(second, port);
            // On the Kafka write path, the restarted node's writers store what is left: wait until
            // the stored count stops moving (every acknowledged id is checked below).
            long[] last = {-1};
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(120))
                    .pollInterval(java.time.Duration.ofSeconds(3)).until(() -> {
                        long now = com.jayway.jsonpath.JsonPath.<Number>read(send(port,
                                "/api/v1/usage-events?system=crash-system&size=1", null, null).body(),
                                "$.totalElements").longValue();
                        boolean settled = now == last[0] && now >= acknowledged.size();
                        last[0] = now;
                        return settled;
                    });
            if (!options.isEmpty()) {
                assertThat(send(port, "/api/v1/ingestion-batches?size=50", null, null).body())
                        .as("stored by the write path's writers").contains("\"actor\":\"kafka-writer:");
            }
            // The restarted node rolls up what the killed one committed but had not rolled up yet.
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                    .pollInterval(java.time.Duration.ofMillis(500))
                    .until(() -> Long.parseLong(send(port, "/api/v1/usage-rollups/status", null, null).body()
                            .replaceAll("\\D", "")) == 0);
            String daily = send(port, "/api/v1/usage-rollups/daily?system=crash-system&from="
                    + java.time.LocalDate.now().minusDays(2) + "&to=" + java.time.LocalDate.now().plusDays(1), null, null).body();
            second.destroy();
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();

            Set<String> stored = storedIds(dir, database);
            assertThat(acknowledged).isNotEmpty();
            Set<String> lost = new HashSet<>(acknowledged);
            lost.removeAll(stored);
            assertThat(lost).as("acknowledged events missing after the crash").isEmpty();
            long rolledUp = com.jayway.jsonpath.JsonPath.<List<Integer>>read(daily, "$[*].events").stream()
                    .mapToLong(Integer::longValue).sum();
            assertThat(rolledUp).as("rollups count each stored event once").isEqualTo(stored.size());
        } finally {
            if (database != null) {
                TestDatabases.drop(database);
                if (TestClickHouse.STORE) {
                    TestClickHouse.drop(database);
                }
            }
        }
    }

    private Process start(Path dir, String database, int port) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-cp", classpath, "dev.pitwall.PitwallApplication", "--server.port=" + port,
                "--pitwall.data-dir=" + dir, "--pitwall.admin-password=" + PASSWORD, "--logging.level.root=WARN",
                "--spring.datasource.hikari.maximum-pool-size=6"));
        command.addAll(options);
        if (database != null) {
            command.add("--spring.datasource.url=" + TestDatabases.urlOf(database));
            command.add("--spring.datasource.username=" + TestDatabases.USER);
            command.add("--spring.datasource.password=" + TestDatabases.PASSWORD);
            if (TestClickHouse.STORE) {
                command.add("--pitwall.telemetry.store=clickhouse");
                command.add("--pitwall.telemetry.clickhouse.url=" + TestClickHouse.URL);
                command.add("--pitwall.telemetry.clickhouse.database=" + database);
            }
        }
        log = dir.resolve("pitwall-" + System.nanoTime() + ".log").toFile();
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }

    /** Options of the nodes of the test under way. */
    private List<String> options = List.of();

    /** The log of the node started last, shown when it fails to start. */
    private File log;

    private String logTail() {
        try {
            List<String> lines = java.nio.file.Files.readAllLines(log.toPath());
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private void awaitHealthy(Process process, int port) {
        org.awaitility.Awaitility.await("Pitwall healthy").atMost(java.time.Duration.ofSeconds(120))
                .pollInterval(java.time.Duration.ofMillis(500)).until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError("Pitwall exited with " + process.exitValue() + " while starting:\n"
                                + logTail());
                    }
                    try {
                        return send(port, "/actuator/health", null, null).statusCode() == 200;
                    } catch (IOException e) {
                        return false; // not listening yet
                    }
                });
    }

    private void post(int port, String path, String type, String body) throws Exception {
        HttpResponse<String> response = send(port, path, type, body);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(201);
    }

    private HttpResponse<String> send(int port, String path, String type, String body) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", auth);
        if (body != null) {
            request.header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Set<String> storedIds(Path dir, String database) throws Exception {
        Set<String> ids = new HashSet<>();
        if (database != null && TestClickHouse.STORE) {
            // The events readers see: of batches recorded as committed, one row per key (FINAL).
            ClickHouseClient clickHouse = TestClickHouse.client(database);
            clickHouse.query("SELECT event_id FROM " + clickHouse.table("usage_event") + " FINAL WHERE batch_id IN "
                    + "(SELECT batch_id FROM " + clickHouse.table("committed_batch") + ")", row -> row.get("event_id")
                            .asString()).forEach(id -> assertThat(ids.add(id)).as("stored once").isTrue());
            return ids;
        }
        String url = database != null ? TestDatabases.urlOf(database)
                : "jdbc:h2:file:" + dir.resolve("pitwall") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        try (Connection connection = database != null
                ? DriverManager.getConnection(url, TestDatabases.USER, TestDatabases.PASSWORD)
                : DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT event_id FROM telemetry_usage_event")) {
            while (rs.next()) {
                assertThat(ids.add(rs.getString(1))).as("stored once").isTrue();
            }
        }
        return ids;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
