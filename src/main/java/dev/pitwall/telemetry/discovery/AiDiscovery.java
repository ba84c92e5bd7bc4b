package dev.pitwall.telemetry.discovery;

import dev.pitwall.people.Person;
import dev.pitwall.people.PersonService;
import dev.pitwall.people.TeamService;
import dev.pitwall.platform.audit.AuditLog;
import dev.pitwall.platform.audit.AuditRecord;
import dev.pitwall.platform.privacy.PeopleData;
import dev.pitwall.platform.privacy.SmallGroups;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.portfolio.AiSystem;
import dev.pitwall.portfolio.AiSystemDraft;
import dev.pitwall.portfolio.AiSystemKind;
import dev.pitwall.portfolio.AiSystemService;
import dev.pitwall.portfolio.TelemetryIdentity;
import dev.pitwall.portfolio.TelemetryKey;
import dev.pitwall.portfolio.TelemetryKeyKind;
import dev.pitwall.telemetry.IncomingEvent;
import dev.pitwall.telemetry.IngestionRejected;
import dev.pitwall.telemetry.IngestionResult;
import dev.pitwall.telemetry.Outcome;
import dev.pitwall.telemetry.ParsedBatch;
import dev.pitwall.telemetry.TelemetrySource;
import dev.pitwall.telemetry.UsageEventIngestion;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Shadow AI discovery (docs/telemetry.md): web-proxy logs matched against the AI service catalog,
 * attributed to people, and summarised per service — registered (an AI system carries the
 * service's key as application id), unregistered, or blocked. Use of a registered service also
 * becomes usage: one activity fact per person, service and day. Use of a blocked service after it
 * was blocked is a governance finding.
 */
@Service
public class AiDiscovery {

    /** The audit log's entity type of a decision about a service. */
    static final String DECISION = "AI_SERVICE_DECISION";

    private final ProxyLogReader reader;
    private final AiServiceCatalog catalog;
    private final AiRequests requests;
    private final PersonService people;
    private final TeamService teams;
    private final AiSystemService systems;
    private final UsageEventIngestion ingestion;
    private final PeopleData peopleData;
    private final AuditLog auditLog;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final dev.pitwall.telemetry.internal.RetentionFloor floor;

    AiDiscovery(ProxyLogReader reader, AiServiceCatalog catalog, AiRequests requests, PersonService people,
            TeamService teams, AiSystemService systems, UsageEventIngestion ingestion, PeopleData peopleData,
            AuditLog auditLog, TransactionTemplate transactions, Clock clock,
            dev.pitwall.telemetry.internal.RetentionFloor floor) {
        this.floor = floor;
        this.reader = reader;
        this.catalog = catalog;
        this.requests = requests;
        this.people = people;
        this.teams = teams;
        this.systems = systems;
        this.ingestion = ingestion;
        this.peopleData = peopleData;
        this.auditLog = auditLog;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * What an import did.
     *
     * @param lines requests in the log
     * @param aiRequests those to AI services of the catalog
     * @param stored those stored now
     * @param duplicates those stored before (the same line imported again)
     * @param otherRequests requests to other hosts: counted, not kept
     * @param services the AI services seen, by key
     * @param registeredUse the activity facts of registered services' use, or {@code null} when none
     */
    public record ImportResult(ProxyLogFormat format, String catalogVersion, int lines, int aiRequests, int stored,
            int duplicates, int otherRequests, List<String> services, IngestionResult registeredUse) {
    }

    public ImportResult importLog(ProxyLogFormat format, byte[] body, String actor) {
        ProxyLogReader.Read read = reader.read(format, body);
        refuseDaysNoLongerKept(read);
        Map<String, ProxyRequest> unique = new LinkedHashMap<>();
        read.requests().forEach(r -> unique.putIfAbsent(r.fingerprint(), r));
        int stored = store(format, unique, actor);
        IngestionResult usage = registeredUse(read.requests(), actor);
        List<String> services = read.requests().stream().map(r -> r.service().key()).distinct().sorted().toList();
        return new ImportResult(format, catalog.version(), read.lines(), read.requests().size(), stored,
                read.requests().size() - stored, read.otherRequests(), services, usage);
    }

    /**
     * Raw data of days before the retention floor is no longer kept (docs/privacy.md): a request of
     * those days is refused, as a usage event would be, naming its line.
     */
    private void refuseDaysNoLongerKept(ProxyLogReader.Read read) {
        Optional<LocalDate> keptFrom = floor.keptFrom(dev.pitwall.telemetry.TelemetrySource.PROXY_LOG);
        if (keptFrom.isEmpty()) {
            return;
        }
        List<dev.pitwall.platform.web.Violation> old = read.requests().stream()
                .filter(r -> r.time().atZone(ZoneOffset.UTC).toLocalDate().isBefore(keptFrom.get()))
                .limit(100).map(r -> dev.pitwall.platform.web.Violation.ofLine(r.line(), "time", "raw data of days before "
                        + keptFrom.get() + " is no longer kept (pitwall.telemetry.retention)"))
                .toList();
        if (!old.isEmpty()) {
            throw new InvalidInputException("PROXY_LOG_INVALID", "The log has requests of days whose raw data is no "
                    + "longer kept; nothing was imported.", old);
        }
    }

    /** Deletes the requests of days before {@code day} (raw-data retention); how many. */
    public long forgetBefore(LocalDate day) {
        long deleted = 0;
        for (int n = 10_000; n == 10_000; deleted += n) {
            n = transactions.execute(status -> requests.deleteBefore(day, 10_000));
        }
        return deleted;
    }

    private int store(ProxyLogFormat format, Map<String, ProxyRequest> unique, String actor) {
        for (int attempt = 0; ; attempt++) {
            try {
                return transactions.execute(status -> {
                    Set<String> existing = requests.existing(unique.keySet());
                    List<ProxyRequest> fresh = unique.values().stream().filter(r -> !existing.contains(r.fingerprint()))
                            .toList();
                    Set<String> users = new HashSet<>();
                    fresh.forEach(r -> {
                        if (r.user() != null) {
                            users.add(r.user());
                        }
                    });
                    Map<String, Long> ids = users.isEmpty() ? Map.of() : people.idsByEmailOrExternalId(users);
                    requests.insertAll(format, fresh, ids, clock.instant(), actor);
                    return fresh.size();
                });
            } catch (DuplicateKeyException e) {
                // Another import stored some of the same lines meanwhile: they are duplicates now.
                if (attempt > 0) {
                    throw e;
                }
            }
        }
    }

    /** Registered services' use as activity facts: one per service, person and day. */
    private IngestionResult registeredUse(List<ProxyRequest> all, String actor) {
        Map<String, Boolean> registered = new HashMap<>();
        Map<String, List<ProxyRequest>> byFact = new TreeMap<>();
        for (ProxyRequest r : all) {
            if (r.user() == null || !registered.computeIfAbsent(r.service().key(), k -> systemOf(k).isPresent())) {
                continue;
            }
            LocalDate day = r.time().atZone(ZoneOffset.UTC).toLocalDate();
            byFact.computeIfAbsent("proxy:" + r.service().key() + ":" + day + ":" + r.user().toLowerCase(Locale.ROOT),
                    k -> new ArrayList<>()).add(r);
        }
        if (byFact.isEmpty()) {
            return null;
        }
        List<IncomingEvent> facts = new ArrayList<>();
        byFact.forEach((id, requestsOfDay) -> {
            ProxyRequest first = requestsOfDay.get(0);
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("kind", "activity");
            attributes.put("requests", requestsOfDay.size());
            attributes.put("host", first.host());
            long upload = requestsOfDay.stream().filter(r -> r.uploadBytes() != null).mapToLong(ProxyRequest::uploadBytes).sum();
            if (requestsOfDay.stream().anyMatch(r -> r.uploadBytes() != null)) {
                attributes.put("uploadBytes", upload);
            }
            facts.add(new IncomingEvent(first.line(), id, first.time().atZone(ZoneOffset.UTC).toLocalDate().atStartOfDay()
                    .toInstant(ZoneOffset.UTC), first.user(), null, new TelemetryIdentity(null, null, null, null,
                    first.service().key()), null, "web", null, null, null, null, null, false, Outcome.UNKNOWN, attributes));
        });
        try {
            return ingestion.ingest(TelemetrySource.PROXY_LOG, new ParsedBatch(facts, List.of(), 0), false, actor);
        } catch (IngestionRejected e) {
            return e.result();
        }
    }

    private Optional<AiSystemService.AiSystemMatch> systemOf(String serviceKey) {
        return systems.lookup(new TelemetryIdentity(null, null, null, null, serviceKey))
                .filter(m -> m.matchedBy() == TelemetryKeyKind.APPLICATION_ID);
    }

    /** A team's part of a service's users ({@code people} null when withheld). */
    public record TeamUse(String team, Long people, boolean withheld) {
    }

    /** A week's use ({@code people} null when withheld). */
    public record WeekUse(LocalDate weekStart, long requests, Long people) {
    }

    /**
     * One AI service's use in the range.
     *
     * @param status UNREGISTERED, REGISTERED (systemKey names the AI system) or BLOCKED
     * @param people distinct people with a request (null when withheld from the viewer)
     * @param unidentifiedRequests requests the log names no user for
     * @param uploadBytes bytes sent to the service, where the log says (null when it never does)
     */
    public record ServiceUse(String serviceKey, String name, String vendor, String category, String status,
            String systemKey, long requests, long blockedRequests, long unidentifiedRequests, Long people,
            List<TeamUse> teams, Long uploadBytes, Long downloadBytes, LocalDate firstSeen, LocalDate lastSeen,
            List<WeekUse> trend) {
    }

    /** Use of a blocked service since it was blocked: a governance finding. */
    public record Finding(String serviceKey, String name, Instant blockedAt, String blockedBy, String note,
            long requestsSince, long allowedRequestsSince, Long peopleSince, LocalDate lastSeen) {
    }

    /** The summary of a range, as the viewer may see it. */
    public record Report(LocalDate from, LocalDate to, String catalogVersion, int minGroupSize, boolean identified,
            List<ServiceUse> services, List<Finding> findings) {

        public List<ServiceUse> withStatus(String status) {
            return services.stream().filter(s -> s.status().equals(status)).toList();
        }
    }

    public Report report(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw InvalidInputException.ofField("to", "must not be before from");
        }
        if (from.plusDays(366).isBefore(to)) {
            throw InvalidInputException.ofField("from", "the range may span at most 366 days");
        }
        boolean identified = peopleData.identifies();
        int k = peopleData.minGroupSize();
        List<AiRequests.DayUse> use = requests.use(from, to);
        Map<String, AiRequests.Decision> decisions = requests.decisions().stream()
                .collect(Collectors.toMap(AiRequests.Decision::serviceKey, Function.identity()));
        Map<Long, Person> directory = people.findAllById(use.stream().map(AiRequests.DayUse::personId)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(Person::id, Function.identity()));
        Map<Long, String> teamNames = teams.findAll().stream()
                .collect(Collectors.toMap(dev.pitwall.people.Team::id, dev.pitwall.people.Team::name));
        Map<String, List<AiRequests.DayUse>> byService = use.stream()
                .collect(Collectors.groupingBy(AiRequests.DayUse::serviceKey, TreeMap::new, Collectors.toList()));
        List<ServiceUse> services = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        byService.forEach((key, rows) -> {
            AiService service = catalog.byKey(key).orElse(new AiService(key, key, "", "", List.of(), List.of()));
            AiRequests.Decision decision = decisions.get(key);
            Optional<AiSystemService.AiSystemMatch> system = systemOf(key);
            String status = decision != null ? "BLOCKED" : system.isPresent() ? "REGISTERED" : "UNREGISTERED";
            services.add(serviceUse(service, status, system.map(AiSystemService.AiSystemMatch::systemKey).orElse(null),
                    rows, directory, teamNames, identified, k));
            if (decision != null) {
                LocalDate since = decision.decidedAt().atZone(ZoneOffset.UTC).toLocalDate();
                List<AiRequests.DayUse> after = rows.stream().filter(r -> !r.day().isBefore(since)).toList();
                if (!after.isEmpty()) {
                    long requestsSince = after.stream().mapToLong(AiRequests.DayUse::requests).sum();
                    long blockedSince = after.stream().mapToLong(AiRequests.DayUse::blocked).sum();
                    findings.add(new Finding(key, service.name(), decision.decidedAt(), decision.decidedBy(),
                            decision.note(), requestsSince, requestsSince - blockedSince,
                            shown(distinctPeople(after), identified, k),
                            after.stream().map(AiRequests.DayUse::day).max(Comparator.naturalOrder()).orElseThrow()));
                }
            }
        });
        services.sort(Comparator.comparing((ServiceUse s) -> s.people() == null ? 0 : s.people()).reversed()
                .thenComparing(Comparator.comparingLong(ServiceUse::requests).reversed())
                .thenComparing(ServiceUse::serviceKey));
        // Counts only, never names: nothing here identifies anyone, so it is not an audited view.
        return new Report(from, to, catalog.version(), k, identified, services, findings);
    }

    private static ServiceUse serviceUse(AiService service, String status, String systemKey, List<AiRequests.DayUse> rows,
            Map<Long, Person> directory, Map<Long, String> teamNames, boolean identified, int k) {
        long requestCount = rows.stream().mapToLong(AiRequests.DayUse::requests).sum();
        long blocked = rows.stream().mapToLong(AiRequests.DayUse::blocked).sum();
        long unidentified = rows.stream().filter(r -> personKey(r) == null).mapToLong(AiRequests.DayUse::requests).sum();
        long peopleCount = distinctPeople(rows);
        // Teams split the people: each counted once, in their team, "no team" or "not in the directory".
        Map<String, Set<String>> byTeam = new TreeMap<>();
        for (AiRequests.DayUse r : rows) {
            String who = personKey(r);
            if (who == null) {
                continue;
            }
            Person person = r.personId() == null ? null : directory.get(r.personId());
            String team = person == null ? "not in the directory"
                    : person.teamId() == null ? "no team" : teamNames.getOrDefault(person.teamId(), "no team");
            byTeam.computeIfAbsent(team, t -> new HashSet<>()).add(who);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        byTeam.forEach((team, members) -> counts.put(team, (long) members.size()));
        Set<String> withheld = identified ? Set.of() : SmallGroups.withheld(counts, peopleCount, k);
        List<TeamUse> teamUse = counts.entrySet().stream()
                .map(e -> withheld.contains(e.getKey()) ? new TeamUse(e.getKey(), null, true)
                        : new TeamUse(e.getKey(), e.getValue(), false))
                .sorted(Comparator.comparing((TeamUse t) -> t.people() == null ? 0 : t.people()).reversed()
                        .thenComparing(TeamUse::team))
                .toList();
        Map<LocalDate, List<AiRequests.DayUse>> byWeek = rows.stream().collect(Collectors.groupingBy(
                r -> r.day().with(DayOfWeek.MONDAY), TreeMap::new, Collectors.toList()));
        List<WeekUse> trend = byWeek.entrySet().stream().map(e -> new WeekUse(e.getKey(),
                e.getValue().stream().mapToLong(AiRequests.DayUse::requests).sum(),
                shown(distinctPeople(e.getValue()), identified, k))).toList();
        Long upload = rows.stream().anyMatch(r -> r.uploadBytes() != null)
                ? rows.stream().filter(r -> r.uploadBytes() != null).mapToLong(AiRequests.DayUse::uploadBytes).sum() : null;
        Long download = rows.stream().anyMatch(r -> r.downloadBytes() != null)
                ? rows.stream().filter(r -> r.downloadBytes() != null).mapToLong(AiRequests.DayUse::downloadBytes).sum()
                : null;
        return new ServiceUse(service.key(), service.name(), service.vendor(), service.category(), status, systemKey,
                requestCount, blocked, unidentified, shown(peopleCount, identified, k), teamUse, upload, download,
                rows.stream().map(AiRequests.DayUse::day).min(Comparator.naturalOrder()).orElseThrow(),
                rows.stream().map(AiRequests.DayUse::day).max(Comparator.naturalOrder()).orElseThrow(), trend);
    }

    private static Long shown(long people, boolean identified, int k) {
        return identified || people == 0 || people >= k ? people : null;
    }

    private static long distinctPeople(List<AiRequests.DayUse> rows) {
        return rows.stream().map(AiDiscovery::personKey).filter(java.util.Objects::nonNull).distinct().count();
    }

    private static String personKey(AiRequests.DayUse r) {
        return r.personId() != null ? "p" + r.personId()
                : r.personRef() != null ? "r" + r.personRef().toLowerCase(Locale.ROOT) : null;
    }

    /**
     * Registers a discovered service as an AI system carrying the service's key as application id,
     * so its later use in proxy logs becomes usage of that system.
     */
    public AiSystem register(String serviceKey, String systemKey, String name) {
        AiService service = service(serviceKey);
        Optional<AiSystemService.AiSystemMatch> existing = systemOf(serviceKey);
        if (existing.isPresent()) {
            throw new InvalidInputException("SERVICE_REGISTERED", "'" + service.name() + "' is registered already, as the "
                    + "AI system '" + existing.get().systemKey() + "'.", List.of(dev.pitwall.platform.web.Violation
                    .ofField("serviceKey", "is registered already")));
        }
        String key = systemKey == null || systemKey.isBlank() ? service.key() : systemKey.trim();
        String systemName = name == null || name.isBlank() ? service.name() : name.trim();
        if (!key.matches("[a-z0-9][a-z0-9-]{0,99}")) {
            throw InvalidInputException.ofField("systemKey", "must be lower-case letters, digits and dashes");
        }
        if (systemName.length() > 200) {
            throw InvalidInputException.ofField("name", "must be at most 200 characters");
        }
        AiSystemKind kind = "ai-api".equals(service.category()) ? AiSystemKind.LLM_APPLICATION : AiSystemKind.SAAS_COPILOT;
        return systems.create(new AiSystemDraft(key, systemName, kind, service.vendor(), List.of(), null,
                "Registered from shadow AI discovery: " + String.join(", ", service.domains()),
                List.of(new TelemetryKey(TelemetryKeyKind.APPLICATION_ID, service.key(), null))));
    }

    /** Marks a service as blocked: its use from now on is a governance finding. Audited. */
    public void block(String serviceKey, String note, String actor) {
        service(serviceKey);
        if (note != null && note.length() > 2000) {
            throw InvalidInputException.ofField("note", "must be at most 2000 characters");
        }
        AiRequests.Decision decision = new AiRequests.Decision(serviceKey, "BLOCKED", note == null || note.isBlank()
                ? null : note.trim(), actor, clock.instant());
        transactions.executeWithoutResult(status -> {
            requests.decide(decision);
            auditLog.append(AuditRecord.created(DECISION, serviceKey, decision));
        });
    }

    /** Lifts a block. Audited. */
    public void unblock(String serviceKey) {
        service(serviceKey);
        transactions.executeWithoutResult(status -> {
            if (requests.undecide(serviceKey) == 0) {
                throw new AiServiceNotFound("Block of AI service", serviceKey);
            }
            auditLog.append(AuditRecord.deleted(DECISION, serviceKey, serviceKey));
        });
    }

    private AiService service(String key) {
        return catalog.byKey(key).orElseThrow(() -> new AiServiceNotFound("AI service", key));
    }

    public AiServiceCatalog catalog() {
        return catalog;
    }
}
