import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;

/**
 * Load generator for Pitwall's ingestion (issue 4's benchmark). Posts NDJSON batches of native
 * usage events over HTTP from several clients to a running Pitwall and measures the sustained rate
 * of acknowledged (durable, deduplicated) events; then, in the same run, copies the same rows with
 * PostgreSQL COPY into an equivalent table (same columns, keys and indexes) for the baseline; and
 * measures the latency of a 28-day rollup query through the API.
 *
 * Usage (see run.sh): java -cp <classpath> IngestionBench.java <phase> key=value...
 *   phase setup   url= user= password= people=
 *   phase http    url= user= password= events= clients= batch= offset= [label=]
 *   phase copy    jdbc= events= clients= batch= people=
 *   phase query   url= user= password= runs=
 */
public class IngestionBench {

    static final String SYSTEM = "bench-agent";
    static final int WORKFLOWS = 5;
    static final int DAYS = 90;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            options.put(kv[0], kv[1]);
        }
        Event.total = Long.parseLong(options.getOrDefault("total", "10000000"));
        switch (args[0]) {
            case "setup" -> setup(options);
            case "http" -> http(options);
            case "copy" -> copy(options);
            case "query" -> query(options);
            default -> throw new IllegalArgumentException("phase: setup, http, copy or query");
        }
    }

    // ---- the shared shape of the generated events -------------------------------------------

    /** Event n: deterministic, so the COPY baseline writes exactly the rows Pitwall stored. */
    record Event(String id, Instant time, int person, int workflow, String operation, String model, long input,
            long output, String cost, long latency, boolean error, String outcome) {

        static final String[] OUTCOMES = {"ACCEPTED", "ACCEPTED", "ACCEPTED", "EDITED", "OVERRIDDEN", "UNKNOWN"};
        static final Instant END = LocalDate.now(ZoneOffset.UTC).atStartOfDay().toInstant(ZoneOffset.UTC);

        /** Events of the whole run (all phases): event n happens at n/TOTAL of the 90 days. */
        static long total = 10_000_000L;

        /**
         * Event n, as a live source sends them: in time order (the 90 days ending at midnight are
         * spread over the run's TOTAL events, give or take a minute), by any of the people, for
         * one of the 5 workflows or (2 in 7) none.
         */
        static Event of(long n, int people) {
            long h = mix(n);
            int person = (int) Math.floorMod(h, people);
            int workflow = (int) Math.floorMod(h >>> 20, WORKFLOWS + 2); // WORKFLOWS..WORKFLOWS+1: none
            long span = DAYS * 86_400L;
            long position = Math.floorMod(n, total);
            long seconds = Math.max(0, span - 1 - (long) ((double) position / total * span) - Math.floorMod(h >>> 7, 60));
            long input = 200 + Math.floorMod(h >>> 11, 3000);
            long output = 50 + Math.floorMod(h >>> 13, 700);
            return new Event("bench-" + n, END.minusSeconds(seconds + 1), person,
                    workflow >= WORKFLOWS ? -1 : workflow, "chat", "gpt-4o-mini", input, output,
                    String.format(Locale.ROOT, "%.6f", (input * 0.0025 + output * 0.01) / 1000),
                    300 + Math.floorMod(h >>> 17, 4000), Math.floorMod(h >>> 19, 250) == 0,
                    OUTCOMES[(int) Math.floorMod(h >>> 23, OUTCOMES.length)]);
        }

        static long mix(long x) {
            x += 0x9E3779B97F4A7C15L;
            x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
            x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
            return x ^ (x >>> 31);
        }

        String email() {
            return "bench" + person + "@bench.example";
        }

        String ndjson() {
            return "{\"id\":\"" + id + "\",\"time\":\"" + time + "\",\"person\":\"" + email() + "\",\"system\":\""
                    + SYSTEM + "\"" + (workflow < 0 ? "" : ",\"workflow\":\"bench-wf-" + workflow + "\"")
                    + ",\"operation\":\"" + operation + "\",\"model\":\"" + model + "\",\"inputTokens\":" + input
                    + ",\"outputTokens\":" + output + ",\"cost\":" + cost + ",\"latencyMs\":" + latency
                    + ",\"error\":" + error + ",\"outcome\":\"" + outcome + "\"}\n";
        }
    }

    // ---- setup: people, the AI system, workflows ---------------------------------------------

    static void setup(Map<String, String> o) throws Exception {
        Client client = new Client(o);
        int people = Integer.parseInt(o.getOrDefault("people", "2000"));
        StringBuilder csv = new StringBuilder("email,name,level,tier\n");
        for (int p = 0; p < people; p++) {
            csv.append("bench").append(p).append("@bench.example,Bench Person ").append(p).append(",PRACTITIONER,CONSUMER\n");
        }
        client.expect(200, client.post("/api/v1/people/import", "text/csv", csv.toString()));
        client.expect(201, client.post("/api/v1/ai-systems", "application/json",
                "{\"key\":\"" + SYSTEM + "\",\"name\":\"Bench agent\",\"kind\":\"AGENT\"}"));
        for (int w = 0; w < WORKFLOWS; w++) {
            client.expect(201, client.post("/api/v1/workflows", "application/json",
                    "{\"key\":\"bench-wf-" + w + "\",\"name\":\"Bench workflow " + w + "\",\"stage\":\"PILOT\"}"));
        }
        // Senders use API tokens (SHA-256, cheap to check), not passwords (BCrypt, slow on purpose).
        HttpResponse<String> token = client.post("/api/v1/tokens", "application/json",
                "{\"name\":\"bench-" + System.nanoTime() + "\",\"scopes\":[\"ingest\",\"read\"]}");
        client.expect(201, token);
        String secret = token.body().replaceAll(".*\"secret\":\"([^\"]+)\".*", "$1");
        java.nio.file.Files.writeString(java.nio.file.Path.of(o.get("tokenFile")), secret);
        System.out.println("setup: " + people + " people, 1 AI system, " + WORKFLOWS + " workflows, an API token");
    }

    // ---- http: sustained ingestion rate ------------------------------------------------------

    static void http(Map<String, String> o) throws Exception {
        Client client = new Client(o);
        long events = Long.parseLong(o.get("events"));
        long offset = Long.parseLong(o.getOrDefault("offset", "0"));
        int clients = Integer.parseInt(o.getOrDefault("clients", "4"));
        int batch = Integer.parseInt(o.getOrDefault("batch", "1000"));
        int people = Integer.parseInt(o.getOrDefault("people", "2000"));
        long batches = events / batch;
        AtomicLong next = new AtomicLong();
        AtomicLong accepted = new AtomicLong();
        AtomicLong busy = new AtomicLong();
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            running.add(pool.submit(() -> {
                for (long b; (b = next.getAndIncrement()) < batches; ) {
                    StringBuilder body = new StringBuilder(batch * 300);
                    for (int i = 0; i < batch; i++) {
                        body.append(Event.of(offset + b * batch + i, people).ndjson());
                    }
                    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
                    while (true) {
                        long t0 = System.nanoTime();
                        HttpResponse<String> response = client.post("/api/v1/usage-events", "application/x-ndjson", bytes);
                        if (response.statusCode() == 429) {
                            busy.incrementAndGet();
                            Thread.sleep(50);
                            continue;
                        }
                        client.expect(200, response);
                        latencies.add(System.nanoTime() - t0);
                        accepted.addAndGet(Long.parseLong(field(response.body(), "accepted")));
                        break;
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "http %s: %d events acknowledged in %.1f s = %.0f events/s (%d clients, batches of %d;"
                + " batch latency p50 %.0f ms, p95 %.0f ms; %d answers 429)%n", o.getOrDefault("label", ""),
                accepted.get(), seconds, accepted.get() / seconds, clients, batch, pct(sorted, 50) / 1e6,
                pct(sorted, 95) / 1e6, busy.get());
    }

    // ---- copy: the PostgreSQL COPY baseline of the same rows --------------------------------

    static void copy(Map<String, String> o) throws Exception {
        String jdbc = o.get("jdbc");
        long events = Long.parseLong(o.get("events"));
        int clients = Integer.parseInt(o.getOrDefault("clients", "4"));
        int batch = Integer.parseInt(o.getOrDefault("batch", "1000"));
        int people = Integer.parseInt(o.getOrDefault("people", "2000"));
        // key: a table with only the (source, event id) unique key (the floor); all: Pitwall's indexes too.
        String baseline = o.getOrDefault("baseline", "key");
        Map<Integer, Long> personIds = new HashMap<>();
        Map<Integer, Long> workflowIds = new HashMap<>();
        long systemId;
        try (Connection c = DriverManager.getConnection(jdbc); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT id, email FROM people_person WHERE email LIKE '%@bench.example'")) {
                while (rs.next()) {
                    personIds.put(Integer.parseInt(rs.getString(2).replace("bench", "").replace("@.example", "")
                            .replace("@bench.example", "")), rs.getLong(1));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT id, workflow_key FROM portfolio_workflow WHERE workflow_key LIKE 'bench-wf-%'")) {
                while (rs.next()) {
                    workflowIds.put(Integer.parseInt(rs.getString(2).substring("bench-wf-".length())), rs.getLong(1));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT id FROM portfolio_ai_system WHERE system_key = '" + SYSTEM + "'")) {
                rs.next();
                systemId = rs.getLong(1);
            }
            s.execute("DROP TABLE IF EXISTS bench_copy_event");
            if (baseline.equals("all")) {
                // Every index Pitwall's own table carries.
                s.execute("CREATE TABLE bench_copy_event (LIKE telemetry_usage_event INCLUDING ALL)");
            } else {
                // The floor of durable de-duplication: the rows and only the (source, event id) unique key.
                s.execute("CREATE TABLE bench_copy_event (LIKE telemetry_usage_event INCLUDING DEFAULTS)");
                s.execute("ALTER TABLE bench_copy_event ADD CONSTRAINT bench_copy_event_uk UNIQUE (source, event_id)");
            }
        }
        // One COPY of all rows: the ceiling of durable ingestion on this machine.
        double single = copyRows(jdbc, 0, events, people, personIds, workflowIds, systemId, events);
        try (Connection c = DriverManager.getConnection(jdbc); Statement s = c.createStatement()) {
            s.execute("TRUNCATE bench_copy_event");
        }
        // COPY in transactions of `batch` rows from `clients` connections: what Pitwall does per request.
        long batches = events / batch;
        AtomicLong next = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            running.add(pool.submit(() -> {
                for (long b; (b = next.getAndIncrement()) < batches; ) {
                    copyRows(jdbc, b * batch, batch, people, personIds, workflowIds, systemId, batch);
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        double batched = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        System.out.printf(Locale.ROOT, "copy single (%s): %d rows in %.1f s = %.0f rows/s%n", baseline, events, single,
                events / single);
        System.out.printf(Locale.ROOT, "copy batched (%s): %d rows in %.1f s = %.0f rows/s (%d connections, %d rows per "
                + "COPY and commit)%n", baseline, events, batched, events / batched, clients, batch);
        try (Connection c = DriverManager.getConnection(jdbc); Statement s = c.createStatement()) {
            s.execute("DROP TABLE bench_copy_event");
        }
    }

    /** COPYs rows [from, from+count) in one transaction per `perCopy` rows; returns the seconds taken. */
    static double copyRows(String jdbc, long from, long count, int people, Map<Integer, Long> personIds,
            Map<Integer, Long> workflowIds, long systemId, long perCopy) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc)) {
            c.setAutoCommit(false);
            long started = System.nanoTime();
            String now = Instant.now().toString();
            for (long start = from; start < from + count; start += perCopy) {
                StringBuilder csv = new StringBuilder((int) Math.min(perCopy, 200_000) * 250);
                for (long n = start; n < Math.min(from + count, start + perCopy); n++) {
                    Event e = Event.of(n, people);
                    csv.append("NATIVE,").append(e.id()).append(',').append(e.time()).append(',')
                            .append(e.time().atOffset(ZoneOffset.UTC).toLocalDate()).append(',')
                            .append(personIds.get(e.person())).append(',').append(e.email()).append(',').append(systemId)
                            .append(',').append(e.workflow() < 0 ? "" : workflowIds.get(e.workflow()).toString()).append(',')
                            .append(e.operation()).append(',').append(e.model()).append(',').append(e.input()).append(',')
                            .append(e.output()).append(',').append(e.cost()).append(',').append(e.latency()).append(',')
                            .append(e.error()).append(',').append(e.outcome()).append(",,")
                            .append(e.workflow() < 0 ? "NONE" : "EXPLICIT").append(",,0,").append(now).append('\n');
                    if (csv.length() > 50_000_000) {
                        copy(c, csv);
                        csv.setLength(0);
                    }
                }
                copy(c, csv);
                c.commit();
            }
            return (System.nanoTime() - started) / 1e9;
        }
    }

    static void copy(Connection c, StringBuilder csv) throws Exception {
        c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY bench_copy_event (source, event_id, occurred_at, event_day, "
                + "person_id, person_ref, system_id, workflow_id, operation, model, input_tokens, output_tokens, cost, "
                + "latency_ms, error, outcome, attributes, attribution, rule_id, batch_id, ingested_at) FROM STDIN (FORMAT csv)",
                new StringReader(csv.toString()));
    }

    // ---- query: a 28-day rollup read ---------------------------------------------------------

    static void query(Map<String, String> o) throws Exception {
        Client client = new Client(o);
        int runs = Integer.parseInt(o.getOrDefault("runs", "50"));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String[] paths = {
            "/api/v1/usage-rollups/daily?from=" + today.minusDays(27) + "&to=" + today,
            "/api/v1/usage-rollups/daily?from=" + today.minusDays(27) + "&to=" + today + "&workflow=bench-wf-1",
            "/api/v1/usage-rollups/systems?from=" + today.minusDays(27) + "&to=" + today};
        for (String path : paths) {
            client.expect(200, client.get(path));
            long[] times = new long[runs];
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                client.expect(200, client.get(path));
                times[i] = System.nanoTime() - t0;
            }
            Arrays.sort(times);
            System.out.printf(Locale.ROOT, "query %s: p50 %.1f ms, p95 %.1f ms (%d runs)%n", path, pct(times, 50) / 1e6,
                    pct(times, 95) / 1e6, runs);
        }
        System.out.println("stored events: " + field(client.get("/api/v1/usage-events?size=1").body(), "totalElements"));
    }

    // ---- helpers ----------------------------------------------------------------------------

    static double pct(long[] sorted, int percentile) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
    }

    static String field(String json, String name) {
        int at = json.indexOf("\"" + name + "\":");
        int start = at + name.length() + 3;
        int end = start;
        while (end < json.length() && (Character.isDigit(json.charAt(end)) || json.charAt(end) == '-')) {
            end++;
        }
        return json.substring(start, end);
    }

    static final class Client {
        final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        final String base;
        final String auth;

        Client(Map<String, String> o) {
            base = o.get("url");
            String tokenFile = o.get("tokenFile");
            java.nio.file.Path path = tokenFile == null ? null : java.nio.file.Path.of(tokenFile);
            try {
                auth = path != null && java.nio.file.Files.exists(path)
                        ? "Bearer " + java.nio.file.Files.readString(path).trim()
                        : "Basic " + Base64.getEncoder().encodeToString((o.get("user") + ":" + o.get("password"))
                                .getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        HttpResponse<String> post(String path, String type, Object body) throws IOException, InterruptedException {
            HttpRequest.BodyPublisher publisher = body instanceof byte[] bytes ? HttpRequest.BodyPublishers.ofByteArray(bytes)
                    : HttpRequest.BodyPublishers.ofString((String) body);
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth)
                    .header("Content-Type", type).POST(publisher).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        void expect(int status, HttpResponse<String> response) {
            if (response.statusCode() != status) {
                throw new IllegalStateException(response.uri() + " answered " + response.statusCode() + ": " + response.body());
            }
        }
    }
}
