import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 12's benchmark: sets up a workflow through the API, then measures (1) review-item submission
 * throughput with CLIENTS concurrent clients, and (2) the latency of POST /api/v1/decisions/check
 * under an open-loop load of RATE checks per second for SECONDS seconds (latency counted from the
 * moment each request was due, so a stalled server is not hidden), against a baseline measured in
 * the same run: GET /actuator/health at the same rate.
 *
 * Usage: java bench/review/ReviewBench.java url= password= items= clients= rate= seconds=
 */
public class ReviewBench {

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            o.put(kv[0], kv[1]);
        }
        String url = o.get("url");
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(16)).build();
        String basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + o.get("password")).getBytes());
        String token = field(call(http, url, "POST", "/api/v1/tokens", basic,
                "{\"name\":\"bench\",\"scopes\":[\"read\",\"write\",\"review\"]}"), "secret");
        String bearer = "Bearer " + token;
        call(http, url, "POST", "/api/v1/people", bearer,
                "{\"email\":\"approver@bench.example\",\"name\":\"Approver\",\"level\":\"PRACTITIONER\",\"tier\":\"CONSUMER\"}");
        call(http, url, "POST", "/api/v1/people", bearer,
                "{\"email\":\"user@bench.example\",\"name\":\"User\",\"level\":\"PRACTITIONER\",\"tier\":\"CONSUMER\"}");
        call(http, url, "POST", "/api/v1/ai-systems", bearer, "{\"key\":\"bench-agent\",\"name\":\"Agent\",\"kind\":\"AGENT\"}");
        call(http, url, "POST", "/api/v1/workflows", bearer, """
                {"key":"bench-claims","name":"Claims","stage":"PILOT","systems":["bench-agent"],
                 "decisionRights":{"OUTPUT_APPROVER":"approver@bench.example"},
                 "intendedUsers":{"people":["user@bench.example"],"teams":[]}}""");
        call(http, url, "PUT", "/api/v1/workflows/bench-claims/risk-classification", bearer, """
                {"personalData":false,"regulatedData":false,"customerFacing":false,"annexIiiUseCases":[],
                 "narrowProceduralTask":false,"profiling":false,"autonomy":"ACTS_ALONE","internalDecisionSupport":true,
                 "knowledgeRetrieval":false,"securityOperations":false,"syntheticContent":false,"emotionOrBiometric":false,
                 "prohibitedPractices":[]}""");
        call(http, url, "PUT", "/api/v1/workflows/bench-claims/review-policy", bearer,
                "{\"rules\":[{\"attribute\":\"amount\",\"above\":1000}]}");

        // (1) submission throughput
        int items = Integer.parseInt(o.getOrDefault("items", "5000"));
        int clients = Integer.parseInt(o.getOrDefault("clients", "4"));
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            running.add(pool.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < items; ) {
                    HttpResponse<String> r = send(http, url, "POST", "/api/v1/review-items", bearer, """
                            {"workflowKey":"bench-claims","systemKey":"bench-agent","externalReference":"item-%d",
                             "summary":"Refund %d EUR","confidence":0.8,"attributes":{"amount":%d}}""".formatted(i, i, i));
                    if (r.statusCode() != 201) {
                        failed.incrementAndGet();
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
        System.out.printf(Locale.ROOT, "submission: %d items with %d clients in %.1f s = %.0f items/s (%d refused)%n",
                items - failed.get(), clients, seconds, (items - failed.get()) / seconds, failed.get());

        // (2) the check at a fixed rate, against the health endpoint at the same rate
        int rate = Integer.parseInt(o.getOrDefault("rate", "1000"));
        int duration = Integer.parseInt(o.getOrDefault("seconds", "30"));
        openLoop(http, url, "warm-up", rate, 5, i -> check(url, bearer, i));
        long[] baseline = openLoop(http, url, "baseline GET /actuator/health", rate, duration,
                i -> HttpRequest.newBuilder(URI.create(url + "/actuator/health")).GET().build());
        long[] checks = openLoop(http, url, "POST /api/v1/decisions/check", rate, duration, i -> check(url, bearer, i));
        System.out.printf(Locale.ROOT, "ratio check / baseline: p50 %.2f, p99 %.2f%n",
                (double) pct(checks, 50) / pct(baseline, 50), (double) pct(checks, 99) / pct(baseline, 99));
    }

    /** One in ten checks is above the policy's 1,000 and answers REVIEW (creating an item). */
    static HttpRequest check(String url, String bearer, long i) {
        long amount = i % 10 == 0 ? 1500 : 200;
        return HttpRequest.newBuilder(URI.create(url + "/api/v1/decisions/check")).header("Authorization", bearer)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                        {"workflowKey":"bench-claims","systemKey":"bench-agent","action":"settle","person":"user@bench.example",
                         "attributes":{"amount":%d},"externalReference":"check-%d-%d"}""".formatted(amount, i, System.nanoTime())))
                .build();
    }

    interface Requests {
        HttpRequest request(long i);
    }

    /** Sends RATE requests per second for SECONDS seconds; latencies in microseconds from when each was due. */
    static long[] openLoop(HttpClient http, String url, String label, int rate, int seconds, Requests requests)
            throws Exception {
        int total = rate * seconds;
        long[] latencies = new long[total];
        AtomicLong errors = new AtomicLong();
        List<CompletableFuture<?>> sent = new ArrayList<>(total);
        long start = System.nanoTime() + 50_000_000L;
        for (int i = 0; i < total; i++) {
            long due = start + (long) i * 1_000_000_000L / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            int n = i;
            sent.add(http.sendAsync(requests.request(i), HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
                latencies[n] = (System.nanoTime() - due) / 1000;
                if (e != null || r.statusCode() != 200) {
                    errors.incrementAndGet();
                }
            }));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).exceptionally(e -> null).get();
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%s: %d requests at %d/s, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.1f ms, %d errors%n",
                label, total, rate, pct(sorted, 50) / 1000.0, pct(sorted, 95) / 1000.0, pct(sorted, 99) / 1000.0,
                sorted[sorted.length - 1] / 1000.0, errors.get());
        return sorted;
    }

    static long pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static String call(HttpClient http, String url, String method, String path, String auth, String body) throws Exception {
        HttpResponse<String> r = send(http, url, method, path, auth, body);
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    static HttpResponse<String> send(HttpClient http, String url, String method, String path, String auth, String body)
            throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", auth)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String field(String json, String name) {
        int i = json.indexOf("\"" + name + "\":\"") + name.length() + 4;
        return json.substring(i, json.indexOf('"', i));
    }
}
