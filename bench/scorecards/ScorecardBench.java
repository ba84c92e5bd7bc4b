import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * Load generator for issue 5's benchmark: an organization of PEOPLE people in 25 teams, 10 AI
 * systems, 50 initiatives and WORKFLOWS workflows (three in five in production, each with intended
 * users, a reviewer role with required skills, a KPI with baseline and measurements), then EVENTS
 * usage events over 90 days through the API, then the latency of the organization and workflow
 * scorecards computed afresh (a new as-of date each time: nothing cached) and served from the cache.
 *
 * Usage (see run.sh): java -cp <classpath> ScorecardBench.java <phase> key=value...
 *   phase setup   url= user= password= people= workflows= tokenFile= ownerTokenFile=
 *   phase events  url= tokenFile= events= clients= people= workflows=
 *   phase query   url= tokenFile= runs= warmup= workflows=
 *   phase packs   url= tokenFile= runs=   (issue 14: board packs against the organization scorecard)
 */
public class ScorecardBench {

    static final int TEAMS = 25;
    static final int SYSTEMS = 10;
    static final int INITIATIVES = 50;
    static final int DAYS = 90;
    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    static final String OWNER = "owner@bench.example";

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            o.put(kv[0], kv[1]);
        }
        switch (args[0]) {
            case "setup" -> setup(o);
            case "events" -> events(o);
            case "query" -> query(o);
            case "packs" -> packs(o);
            default -> throw new IllegalArgumentException("phase: setup, events, query or packs");
        }
    }

    static String email(int person) {
        return "p" + person + "@bench.example";
    }

    /** A person's team: person p is in team p mod 25; workflow w is for team w mod 25. */
    static int team(int person) {
        return person % TEAMS;
    }

    // ---- setup --------------------------------------------------------------------------------

    static void setup(Map<String, String> o) throws Exception {
        long started = System.nanoTime();
        int people = Integer.parseInt(o.getOrDefault("people", "10000"));
        int workflows = Integer.parseInt(o.getOrDefault("workflows", "500"));
        Client admin = new Client(o.get("url"), basic(o.get("user"), o.get("password")));
        // Requests go with API tokens (SHA-256, cheap) rather than passwords (BCrypt, slow on purpose).
        String token = admin.token("[\"read\",\"write\",\"ingest\",\"admin\"]");
        Files.writeString(Path.of(o.get("tokenFile")), token);
        Client api = new Client(o.get("url"), "Bearer " + token);

        StringBuilder csv = new StringBuilder("email,name,team,level,tier\n");
        csv.append(OWNER).append(",Bench Owner,Team 0,EXECUTIVE,CONSUMER\n");
        for (int p = 0; p < people; p++) {
            String tier = p % 100 == 0 ? "BUILDER" : p % 150 == 1 ? "INTEGRATOR" : "CONSUMER";
            csv.append(email(p)).append(",Person ").append(p).append(",Team ").append(team(p))
                    .append(p % 10 == 0 ? ",MANAGER," : ",PRACTITIONER,").append(tier).append('\n');
        }
        api.expect(200, api.post("/api/v1/people/import", "text/csv", csv.toString()));
        StringBuilder assessments = new StringBuilder("email,skill,level,assessed_on,source\n");
        for (int p = 0; p < people; p++) {
            assessments.append(email(p)).append(",Evaluating AI output,").append(p % 5).append(',')
                    .append(TODAY.minusDays(100 + p % 50)).append(",bench\n");
        }
        api.expect(200, api.post("/api/v1/skill-assessments/import", "text/csv", assessments.toString()));
        api.expect(201, api.post("/api/v1/users", "application/json", """
                {"username":"bench-owner","displayName":"Bench Owner","email":"%s","role":"OWNER",
                 "password":"bench-owner-password"}""".formatted(OWNER)));
        Client owner = new Client(o.get("url"), basic("bench-owner", "bench-owner-password"));
        owner = new Client(o.get("url"), "Bearer " + owner.token("[\"read\",\"write\"]"));

        for (int s = 0; s < SYSTEMS; s++) {
            api.expect(201, api.post("/api/v1/ai-systems", "application/json",
                    "{\"key\":\"bench-sys-" + s + "\",\"name\":\"Bench system " + s + "\",\"kind\":\"AGENT\"}"));
        }
        long ownerId = Long.parseLong(field(api.get("/api/v1/people?q=" + OWNER).body(), "id"));
        for (int i = 0; i < INITIATIVES; i++) {
            String body = api.expect(201, api.post("/api/v1/initiatives", "application/json", """
                    {"name":"Bench initiative %d","objective":"Bench","sponsorId":%d,"stage":"ACTIVE"}"""
                    .formatted(i, ownerId))).body();
            long id = Long.parseLong(field(body, "id"));
            api.expect(201, api.post("/api/v1/initiatives/" + id + "/budget-lines", "application/json", """
                    {"category":"INFRASTRUCTURE","description":"Platform","amount":%d,"spentOn":"%s"}"""
                    .formatted(100_000 + i * 1000, TODAY.minusDays(150))));
            api.expect(201, api.post("/api/v1/initiatives/" + id + "/budget-lines", "application/json", """
                    {"category":"WORKFORCE","tier":"CONSUMER","description":"Enablement","amount":%d,"spentOn":"%s"}"""
                    .formatted(10_000 + i * 100, TODAY.minusDays(100))));
        }
        StringBuilder rights = new StringBuilder();
        for (String right : new String[] {"ACCOUNTABLE_OWNER", "OUTPUT_APPROVER", "OVERRIDE_AUTHORITY", "TECHNICAL_OWNER",
            "SUPPORT_OWNER", "QUALITY_MONITOR", "ACCESS_GOVERNOR", "DOCUMENTATION_OWNER", "ESCALATION_CONTACT"}) {
            rights.append(rights.isEmpty() ? "" : ",").append('"').append(right).append("\":\"").append(OWNER).append('"');
        }
        for (int w = 0; w < workflows; w++) {
            int t = w % TEAMS;
            StringBuilder members = new StringBuilder();
            for (int m = 0; m < 5; m++) {
                members.append(m == 0 ? "" : ",").append('"').append(email(t + TEAMS * (w / TEAMS * 5 + m) % people)).append('"');
            }
            api.expect(201, api.post("/api/v1/workflows", "application/json", """
                    {"key":"bench-wf-%d","name":"Bench workflow %d","initiative":"Bench initiative %d","stage":"PILOT",
                     "aiGoLive":"%s","systems":["bench-sys-%d"],"decisionRights":{%s},
                     "intendedUsers":{"people":[],"teams":["Team %d"]},
                     "roles":[{"name":"reviewer","members":[%s],"skills":[{"skill":"Evaluating AI output","level":3}]}]}"""
                    .formatted(w, w, w % INITIATIVES, TODAY.minusDays(120), w % SYSTEMS, rights, t, members)));
            String kpi = api.expect(201, api.post("/api/v1/workflows/bench-wf-" + w + "/kpis", "application/json", """
                    {"name":"Hours","unit":"hours","level":"BUSINESS_OUTCOME","direction":"LOWER_IS_BETTER",
                     "baselineValue":1000,"baselineFrom":"%s","baselineTo":"%s","target":600,"valuePerUnit":40,
                     "owner":"%s","cadence":"MONTHLY"}""".formatted(TODAY.minusDays(220), TODAY.minusDays(130), OWNER)))
                    .body();
            long kpiId = Long.parseLong(field(kpi, "id"));
            api.expect(200, api.post("/api/v1/kpis/" + kpiId + "/measurements/batch", "application/json", """
                    [{"periodEnd":"%s","value":%d},{"periodEnd":"%s","value":%d},{"periodEnd":"%s","value":%d}]"""
                    .formatted(TODAY.minusDays(65), 950 - w % 50, TODAY.minusDays(35), 900 - w % 80, TODAY.minusDays(5),
                            850 - w % 200)));
            if (w % 5 < 3) {
                owner.expect(201, owner.post("/api/v1/workflows/bench-wf-" + w + "/waivers", "application/json",
                        "{\"reason\":\"bench\",\"expiresOn\":\"" + TODAY.plusDays(90) + "\"}"));
                owner.expect(201, owner.post("/api/v1/workflows/bench-wf-" + w + "/stage", "application/json",
                        "{\"stage\":\"PRODUCTION\",\"reason\":\"bench\"}"));
            }
        }
        System.out.printf(Locale.ROOT, "setup: %d people in %d teams, %d AI systems, %d initiatives, %d workflows "
                + "(%d in production) with KPIs and measurements, in %.0f s%n", people + 1, TEAMS, SYSTEMS, INITIATIVES,
                workflows, (workflows + 4) / 5 * 3, (System.nanoTime() - started) / 1e9);
    }

    // ---- events -------------------------------------------------------------------------------

    /** Event n: by person n-hash, for one of the person's team's workflows or (1 in 4) none, over 90 days. */
    static String event(long n, int people, int workflows, long total) {
        long h = mix(n);
        int person = (int) Math.floorMod(h, people);
        int perTeam = Math.max(1, workflows / TEAMS);
        int w = team(person) + TEAMS * (int) Math.floorMod(h >>> 20, perTeam);
        boolean none = Math.floorMod(h >>> 30, 4) == 0 || w >= workflows;
        long span = DAYS * 86_400L;
        long seconds = Math.max(0, span - 1 - (long) ((double) n / total * span) - Math.floorMod(h >>> 7, 60));
        Instant time = TODAY.atStartOfDay().toInstant(ZoneOffset.UTC).minusSeconds(seconds + 1);
        String[] outcomes = {"ACCEPTED", "ACCEPTED", "ACCEPTED", "EDITED", "OVERRIDDEN", "UNKNOWN"};
        return "{\"id\":\"sb-" + n + "\",\"time\":\"" + time + "\",\"person\":\"" + email(person) + "\",\"system\":\"bench-sys-"
                + (none ? 0 : w % SYSTEMS) + "\"" + (none ? "" : ",\"workflow\":\"bench-wf-" + w + "\"")
                + ",\"operation\":\"chat\",\"inputTokens\":" + (200 + Math.floorMod(h >>> 11, 3000)) + ",\"error\":"
                + (Math.floorMod(h >>> 19, 250) == 0) + ",\"outcome\":\"" + outcomes[(int) Math.floorMod(h >>> 23, 6)] + "\"}\n";
    }

    static void events(Map<String, String> o) throws Exception {
        Client api = new Client(o.get("url"), "Bearer " + Files.readString(Path.of(o.get("tokenFile"))).trim());
        long events = Long.parseLong(o.get("events"));
        int people = Integer.parseInt(o.getOrDefault("people", "10000"));
        int workflows = Integer.parseInt(o.getOrDefault("workflows", "500"));
        int clients = Integer.parseInt(o.getOrDefault("clients", "4"));
        int batch = 1000;
        long batches = events / batch;
        AtomicLong next = new AtomicLong();
        AtomicLong accepted = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            running.add(pool.submit(() -> {
                for (long b; (b = next.getAndIncrement()) < batches; ) {
                    StringBuilder body = new StringBuilder(batch * 250);
                    for (int i = 0; i < batch; i++) {
                        body.append(event(b * batch + i, people, workflows, events));
                    }
                    while (true) {
                        HttpResponse<String> response = api.post("/api/v1/usage-events", "application/x-ndjson",
                                body.toString());
                        if (response.statusCode() == 429) {
                            // A load generator backs off briefly and retries: the node has 4 ingestion slots
                            // and 4 clients race for them. Retry-After (1 s) would idle the load instead.
                            Thread.sleep(50);
                            continue;
                        }
                        api.expect(200, response);
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
        pool.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "events: %d acknowledged in %.0f s = %.0f events/s%n", accepted.get(), seconds,
                accepted.get() / seconds);
    }

    // ---- query ----------------------------------------------------------------------------------

    static void query(Map<String, String> o) throws Exception {
        Client api = new Client(o.get("url"), "Bearer " + Files.readString(Path.of(o.get("tokenFile"))).trim());
        int runs = Integer.parseInt(o.getOrDefault("runs", "20"));
        awaitRollups(api);
        String[] scopes = {"/api/v1/scorecards/organization", "/api/v1/scorecards/workflows/bench-wf-7"};
        // The first computations after a start run before the JIT compiled the scoring code: they
        // are reported on their own, at dates the measured runs do not use (JMH's warm-up).
        int warmUp = Integer.parseInt(o.getOrDefault("warmup", "3"));
        StringBuilder warm = new StringBuilder();
        for (int i = 0; i < warmUp; i++) {
            warm.append(i == 0 ? "" : ", ").append(time(api, scopes[0] + "?asOf=" + TODAY.minusDays(60 + i)) / 1_000_000);
        }
        System.out.println("warm-up, organization computed afresh right after the start (not in the figures below): "
                + warm + " ms");
        for (String scope : scopes) {
            // afresh: a different as-of date each run is a different cache entry
            long[] fresh = new long[runs];
            for (int i = 0; i < runs; i++) {
                fresh[i] = time(api, scope + "?asOf=" + TODAY.minusDays(i + 1));
            }
            // cached: the same as-of date again and again (the first run fills the entry)
            time(api, scope + "?asOf=" + TODAY);
            long[] cached = new long[runs * 5];
            for (int i = 0; i < cached.length; i++) {
                cached[i] = time(api, scope + "?asOf=" + TODAY);
            }
            Arrays.sort(fresh);
            Arrays.sort(cached);
            System.out.printf(Locale.ROOT, "%s computed afresh: p50 %.0f ms, p95 %.0f ms (%d runs); from the cache: "
                    + "p50 %.1f ms, p95 %.1f ms (%d runs)%n", scope, pct(fresh, 50) / 1e6, pct(fresh, 95) / 1e6, runs,
                    pct(cached, 50) / 1e6, pct(cached, 95) / 1e6, cached.length);
        }
        String org = api.get("/api/v1/scorecards/organization?asOf=" + TODAY).body();
        System.out.println("organization: " + org.substring(0, Math.min(600, org.length())));
        System.out.println("stored events: " + field(api.get("/api/v1/usage-events?size=1").body(), "totalElements"));
    }

    // ---- packs (issue 14) -----------------------------------------------------------------------

    /**
     * Board packs made afresh (each month a new as-of date: no scorecard of it is cached) and their
     * PDFs, against the baseline of the same run: the organization scorecard computed afresh at
     * other dates.
     */
    static void packs(Map<String, String> o) throws Exception {
        Client api = new Client(o.get("url"), "Bearer " + Files.readString(Path.of(o.get("tokenFile"))).trim());
        int runs = Integer.parseInt(o.getOrDefault("runs", "6"));
        awaitRollups(api);
        java.time.YearMonth month = java.time.YearMonth.from(TODAY).minusMonths(1);
        long[] packs = new long[runs];
        long[] pdfs = new long[runs];
        long[] scorecards = new long[runs];
        for (int i = 0; i < runs; i++) {
            // Baseline first, at a date no pack uses: the organization scorecard computed afresh.
            scorecards[i] = time(api, "/api/v1/scorecards/organization?asOf=" + TODAY.minusDays(40 + i));
            long t0 = System.nanoTime();
            String pack = api.expect(201, api.post("/api/v1/board-packs", "application/json",
                    "{\"period\":\"" + month.minusMonths(i) + "\"}")).body();
            packs[i] = System.nanoTime() - t0;
            pdfs[i] = time(api, "/api/v1/board-packs/" + field(pack, "id") + "/pdf");
        }
        Arrays.sort(packs);
        Arrays.sort(pdfs);
        Arrays.sort(scorecards);
        System.out.printf(Locale.ROOT, "board pack made afresh: p50 %.0f ms, max %.0f ms (%d periods); its PDF: p50 %.0f ms, "
                + "max %.0f ms; baseline, the organization scorecard afresh: p50 %.0f ms, max %.0f ms; ratio pack / "
                + "scorecard (p50) %.2f%n", pct(packs, 50) / 1e6, packs[runs - 1] / 1e6, runs, pct(pdfs, 50) / 1e6,
                pdfs[runs - 1] / 1e6, pct(scorecards, 50) / 1e6, scorecards[runs - 1] / 1e6,
                (double) pct(packs, 50) / pct(scorecards, 50));
    }

    /** Has the server roll up every batch committed so far, and answer when they are in the rollups. */
    static void awaitRollups(Client api) throws Exception {
        api.expect(200, api.post("/api/v1/usage-rollups/run", "application/json", ""));
    }

    static long time(Client api, String path) throws Exception {
        long t0 = System.nanoTime();
        api.expect(200, api.get(path));
        return System.nanoTime() - t0;
    }

    // ---- helpers ------------------------------------------------------------------------------

    static long mix(long x) {
        x += 0x9E3779B97F4A7C15L;
        x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
        return x ^ (x >>> 31);
    }

    static double pct(long[] sorted, int percentile) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
    }

    /** The first number of a JSON field (the bench reads a few ids and counts; no JSON library on its path). */
    static String field(String json, String name) {
        int at = json.indexOf("\"" + name + "\":");
        if (at < 0) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        int start = at + name.length() + 3;
        int end = start;
        while (end < json.length() && (Character.isDigit(json.charAt(end)) || json.charAt(end) == '-')) {
            end++;
        }
        return json.substring(start, end);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    record Client(String base, String auth) {
        static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        String token(String scopes) throws Exception {
            HttpResponse<String> response = expect(201, post("/api/v1/tokens", "application/json",
                    "{\"name\":\"bench-" + System.nanoTime() + "\",\"scopes\":" + scopes + "}"));
            return response.body().replaceAll(".*\"secret\":\"([^\"]+)\".*", "$1");
        }

        HttpResponse<String> post(String path, String type, String body) throws IOException, InterruptedException {
            return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth)
                    .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> expect(int status, HttpResponse<String> response) {
            if (response.statusCode() != status) {
                throw new IllegalStateException(response.uri() + " answered " + response.statusCode() + ": " + response.body());
            }
            return response;
        }
    }
}
