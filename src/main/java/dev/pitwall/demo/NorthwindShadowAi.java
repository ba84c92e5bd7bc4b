package dev.pitwall.demo;

import dev.pitwall.people.Tier;
import dev.pitwall.telemetry.discovery.AiDiscovery;
import dev.pitwall.telemetry.discovery.ProxyLogFormat;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

/**
 * Northwind's web proxy (a Zscaler NSS feed) over the last four weeks, as its security team would
 * import it: ChatGPT used widely and unregistered, Claude and Perplexity by some, Hugging Face by
 * builders, and DeepSeek — blocked by Northwind — still reached by a few (a governance finding).
 * GitHub Copilot, registered, is left out: its usage comes from its own report. Its own random
 * stream, so the other demo figures stay what they were.
 */
final class NorthwindShadowAi {

    private final AiDiscovery discovery;
    private final Clock clock;
    private final Random random = new Random(20261201L);

    NorthwindShadowAi(AiDiscovery discovery, Clock clock) {
        this.discovery = discovery;
        this.clock = clock;
    }

    /** Blocks DeepSeek and imports the log; returns the requests to AI services stored. */
    int generate(List<DemoPerson> people, LocalDate today) {
        discovery.block("deepseek", "Data would be processed outside the EU; no data processing agreement.",
                NorthwindTelemetry.ACTOR);
        StringBuilder log = new StringBuilder("time,login,host,url,action,reqsize,respsize,dept\n");
        for (DemoPerson person : people) {
            double draw = random.nextDouble();
            if (draw < 0.08) {
                lines(log, person, "chatgpt.com", 0.3, today);
            } else if (draw < 0.10) {
                lines(log, person, "claude.ai", 0.25, today);
            } else if (draw < 0.115) {
                lines(log, person, "www.perplexity.ai", 0.2, today);
            } else if (draw < 0.12) {
                lines(log, person, "gemini.google.com", 0.2, today);
            }
            if (person.tier() == Tier.BUILDER && random.nextDouble() < 0.3) {
                lines(log, person, "huggingface.co", 0.15, today);
            }
        }
        // Three people reach DeepSeek today, after it was blocked; the proxy stops one of them.
        Instant now = clock.instant();
        Instant start = today.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant at = now.minusSeconds(120).isBefore(start) ? start : now.minusSeconds(120);
        for (int i = 0; i < 3 && i < people.size(); i++) {
            DemoPerson person = people.get(people.size() - 1 - i * 7);
            log.append(at.plusSeconds(i)).append(',').append(person.email()).append(",chat.deepseek.com,")
                    .append("https://chat.deepseek.com/,").append(i == 0 ? "Blocked" : "Allowed").append(',')
                    .append(2000 + random.nextInt(20000)).append(",400,").append(quoted(person.team())).append('\n');
        }
        return discovery.importLog(ProxyLogFormat.ZSCALER, log.toString().getBytes(StandardCharsets.UTF_8),
                NorthwindTelemetry.ACTOR).stored();
    }

    private static String quoted(String text) {
        return text == null ? "" : "\"" + text.replace("\"", "\"\"") + "\"";
    }

    /** A person's requests to a host on weekdays of the last four weeks, before today. */
    private void lines(StringBuilder log, DemoPerson person, String host, double rate, LocalDate today) {
        for (LocalDate day = today.minusDays(28); day.isBefore(today); day = day.plusDays(1)) {
            if (day.getDayOfWeek().getValue() > 5 || random.nextDouble() >= rate) {
                continue;
            }
            int requests = 1 + random.nextInt(6);
            for (int r = 0; r < requests; r++) {
                Instant time = day.atTime(8 + random.nextInt(9), random.nextInt(60), random.nextInt(60))
                        .toInstant(ZoneOffset.UTC);
                log.append(time).append(',').append(person.email()).append(',').append(host).append(",https://")
                        .append(host).append("/,Allowed,").append(300 + random.nextInt(40_000)).append(',')
                        .append(1000 + random.nextInt(90_000)).append(',').append(quoted(person.team())).append('\n');
            }
        }
    }
}
