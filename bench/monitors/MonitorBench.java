import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Issue 11's benchmark, second half: on the organization and the 10 million events that
 * bench/scorecards/ScorecardBench.java loads, creates MONITORS monitors through the API, spread
 * evenly over the workflows: 20 kinds per workflow, every workflow signal (scorecard figures and
 * telemetry signals) with windows of 1 to 30 days. run.sh then times the evaluation rounds.
 *
 * Usage: java bench/monitors/MonitorBench.java monitors url= tokenFile= workflows= monitors= clients=
 */
public class MonitorBench {

    /** signal, comparator, threshold, window days: thresholds chosen so that few fire. */
    static final String[][] KINDS = {
        {"quality", "LT", "0.2", "7"}, {"availability", "LT", "0.5", "7"}, {"deploymentsPerMonth", "LT", "0.01", "30"},
        {"acceptanceRate", "LT", "0.2", "7"}, {"acceptanceRate", "LT", "0.2", "30"}, {"overrideRate", "GT", "0.5", "7"},
        {"overrideRate", "GT", "0.5", "30"}, {"reach", "LT", "0.01", "30"}, {"adoptionDepth", "LT", "0.01", "30"},
        {"realization", "LT", "0.01", "30"}, {"errorRate", "GT", "0.2", "1"}, {"errorRate", "GT", "0.2", "7"},
        {"latencyP95", "GT", "60000", "1"}, {"latencyP95", "GT", "60000", "7"}, {"costPerDay", "GT", "1000000", "1"},
        {"costPerDay", "GT", "1000000", "7"}, {"costPerDay", "GT", "1000000", "30"}, {"eventsPerDay", "LT", "0.5", "1"},
        {"eventsPerDay", "LT", "0.5", "3"}, {"eventsPerDay", "LT", "0.5", "7"}};

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            o.put(kv[0], kv[1]);
        }
        if (!args[0].equals("monitors")) {
            throw new IllegalArgumentException("phase: monitors");
        }
        String url = o.get("url");
        String token = "Bearer " + Files.readString(Path.of(o.get("tokenFile"))).trim();
        int workflows = Integer.parseInt(o.getOrDefault("workflows", "500"));
        int monitors = Integer.parseInt(o.getOrDefault("monitors", "10000"));
        int clients = Integer.parseInt(o.getOrDefault("clients", "4"));
        HttpClient http = HttpClient.newHttpClient();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            running.add(pool.submit(() -> {
                for (int m; (m = next.getAndIncrement()) < monitors; ) {
                    int workflow = m % workflows;
                    String[] kind = KINDS[(m / workflows) % KINDS.length];
                    String body = """
                            {"name":"bench %d","workflowKey":"bench-wf-%d","signal":"%s","comparator":"%s","threshold":%s,
                             "windowDays":%s,"minSamples":10,"severity":"SEV4"}""".formatted(m, workflow, kind[0], kind[1],
                            kind[2], kind[3]);
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/monitors"))
                            .header("Authorization", token).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 201) {
                        failed.incrementAndGet();
                        System.err.println("monitor " + m + ": " + response.statusCode() + " " + response.body());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        System.out.printf(Locale.ROOT, "monitors: %d created through the API (%d refused) over %d workflows in %.1f s%n",
                monitors - failed.get(), failed.get(), workflows, (System.nanoTime() - started) / 1e9);
        if (failed.get() > 0) {
            System.exit(1);
        }
    }
}
