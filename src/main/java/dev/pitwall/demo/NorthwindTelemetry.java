package dev.pitwall.demo;

import dev.pitwall.telemetry.AttributionRuleDraft;
import dev.pitwall.telemetry.AttributionService;
import dev.pitwall.telemetry.RollupService;
import dev.pitwall.telemetry.TelemetryImports;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * 90 days of Northwind Freight's AI usage, ending today, sent through the real ingestion paths:
 * agent and model spans as OTLP, RouteMind as native NDJSON, Microsoft 365 Copilot as daily usage
 * reports, GitHub Copilot as user-day records, evaluation scores as OTLP evaluation events. Shaped
 * for DEMO.md's stories: invoice exceptions used by few of its clerks at very high quality, email
 * triage used deeply, the claims assistant degrading after a model update three weeks ago, and
 * general Copilot chat tied to no workflow for about a third of AI users.
 */
@Component
@Profile("demo")
class NorthwindTelemetry {

    private static final Logger log = LoggerFactory.getLogger(NorthwindTelemetry.class);
    static final String ACTOR = "demo-generator";
    /** Teams with Microsoft 365 Copilot licences (the frontline teams have none). */
    static final Set<String> LICENSED_TEAMS = Set.of("Executive Office", "Finance Operations", "Customer Service", "Sales",
            "HR & Talent", "IT Platform", "Data & AI", "Legal & Compliance", "Procurement", "Marketing");

    private final TelemetryImports imports;
    private final AttributionService attribution;
    private final RollupService rollups;
    private final Clock clock;

    private final dev.pitwall.telemetry.discovery.AiDiscovery discovery;

    NorthwindTelemetry(TelemetryImports imports, AttributionService attribution, RollupService rollups, Clock clock,
            dev.pitwall.telemetry.discovery.AiDiscovery discovery) {
        this.discovery = discovery;
        this.imports = imports;
        this.attribution = attribution;
        this.rollups = rollups;
        this.clock = clock;
    }

    void generate(List<DemoPerson> people, LocalDate today) {
        long started = System.nanoTime();
        rules();
        Random random = new Random(20261125L);
        NorthwindActivity activity = new NorthwindActivity(today, random);
        NorthwindStaff staff = new NorthwindStaff(people);
        int[] reported = new int[2];
        long[] sent = new long[2];
        // Several export requests at once, as several collectors send them; one rollup at the end
        // instead of one after each request: the data arrives all at once.
        try (NorthwindExporter exporter = new NorthwindExporter(Math.max(2, Runtime.getRuntime().availableProcessors()))) {
            rollups.bulkLoad(() -> {
                NorthwindSpans spans = new NorthwindSpans(imports, exporter, random, clock.instant(), today);
                // Who works with which AI on which days is drawn first; the days are then sent in order,
                // as the systems would have sent them over 90 days (stores index time-ordered data cheaply).
                java.util.TreeMap<LocalDate, List<Runnable>> byDay = new java.util.TreeMap<>();
                for (NorthwindUsagePlan plan : NorthwindUsagePlan.all(staff, people, today)) {
                    for (String email : plan.users()) {
                        int level = activity.level(plan.levels());
                        for (LocalDate day : activity.days(level)) {
                            byDay.computeIfAbsent(day, d -> new ArrayList<>()).add(() -> spans.workDay(plan, email, day));
                        }
                    }
                }
                byDay.values().forEach(work -> work.forEach(Runnable::run));
                spans.flush();
                spans.evaluations(activity.first());
                exporter.await();
                sent[0] = spans.events();
                sent[1] = spans.evaluationCount();
                NorthwindSaasReports reports = new NorthwindSaasReports(imports, exporter, random);
                reported[0] = reports.m365(people, activity);
                reported[1] = reports.github(people, activity);
            });
        }
        int m365 = reported[0];
        int github = reported[1];
        int proxied = new NorthwindShadowAi(discovery, clock).generate(people, today);
        log.info("Demo telemetry generated: {} usage events through OTLP and NDJSON, {} Microsoft 365 Copilot app-days, "
                + "{} GitHub Copilot user-days, {} evaluations, {} web-proxy requests to AI services, in {} ms.", sent[0],
                m365, github, sent[1], proxied, (System.nanoTime() - started) / 1_000_000);
    }

    /** How usage without a named workflow is attributed (DEMO.md). */
    private void rules() {
        List<AttributionRuleDraft> rules = new ArrayList<>();
        rules.add(new AttributionRuleDraft("InvoiceIQ proposals", 10, "invoiceiq", null, null, "invoice-exceptions", true));
        rules.add(new AttributionRuleDraft("VisionQC inspections", 10, "visionqc", null, null, "damage-detection", true));
        rules.add(new AttributionRuleDraft("TalentScreen screenings", 10, "talentscreen", null, null, "hiring-screening", true));
        rules.add(new AttributionRuleDraft("Proposals drafted in Word", 20, "microsoft-365-copilot", "Sales", "Word",
                "proposal-drafting", true));
        rules.add(new AttributionRuleDraft("Account research in Copilot Chat", 30, "microsoft-365-copilot", "Sales",
                "Copilot Chat", "account-research", true));
        rules.forEach(attribution::create);
    }
}
