package dev.pitwall.measurement;

import dev.pitwall.measurement.internal.TeamMeasurements;
import dev.pitwall.people.Team;
import dev.pitwall.people.TeamService;
import dev.pitwall.platform.audit.AuditLog;
import dev.pitwall.platform.audit.AuditRecord;
import dev.pitwall.platform.security.PitwallPrincipal;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.platform.web.TextPolicy;
import dev.pitwall.platform.web.Violation;
import dev.pitwall.portfolio.Workflow;
import dev.pitwall.portfolio.WorkflowService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * KPIs measured per team and the day AI went live for each team of a workflow rolled out team by
 * team (docs/measurement.md, "Measured per team"). Batches are all or nothing, each invalid item
 * named; a team and period measured again gets the new value. Every change is audited.
 */
@Service
@Transactional
public class TeamMeasurementService {

    static final String ENTITY = "TEAM_MEASUREMENT";
    static final String GO_LIVE_ENTITY = "TEAM_GO_LIVE";

    /** What a batch did. */
    public record Recorded(int rows, int created, int replaced) {
    }

    private final TeamMeasurements store;
    private final KpiService kpis;
    private final TeamService teams;
    private final WorkflowService workflows;
    private final AuditLog auditLog;
    private final Clock clock;

    TeamMeasurementService(TeamMeasurements store, KpiService kpis, TeamService teams, WorkflowService workflows,
            AuditLog auditLog, Clock clock) {
        this.store = store;
        this.kpis = kpis;
        this.teams = teams;
        this.workflows = workflows;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** A KPI's values per team with periods ending by {@code to} (all when null). */
    @Transactional(readOnly = true)
    public List<TeamMeasurement> find(long kpiId, LocalDate to) {
        kpis.get(kpiId);
        return store.find(kpiId, to);
    }

    /** The KPIs measured per team (not deleted). */
    @Transactional(readOnly = true)
    public List<Kpi> kpisMeasuredPerTeam() {
        return store.kpiIds().stream().map(id -> {
            try {
                return kpis.get(id);
            } catch (KpiNotFound e) {
                return null;
            }
        }).filter(java.util.Objects::nonNull).toList();
    }

    /** Records a batch for one KPI; violations name the item as {@code [i].field}. */
    public Recorded recordAll(long kpiId, List<NewTeamMeasurement> batch) {
        Kpi kpi = kpis.get(kpiId);
        if (batch == null || batch.isEmpty()) {
            throw InvalidInputException.ofField("measurements", "the batch is empty");
        }
        if (batch.size() > MeasurementService.MAX_BATCH) {
            throw InvalidInputException.ofField("measurements", "at most " + MeasurementService.MAX_BATCH
                    + " measurements in one batch");
        }
        LocalDate today = LocalDate.now(clock);
        Map<String, Optional<Team>> byName = new LinkedHashMap<>();
        List<Violation> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<TeamMeasurements.Row> rows = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            NewTeamMeasurement m = batch.get(i);
            String at = "[" + i + "]";
            if (m == null) {
                violations.add(Violation.ofField(at, "is required"));
                continue;
            }
            int before = violations.size();
            Optional<Team> team = Optional.empty();
            if (m.team() == null || m.team().isBlank()) {
                violations.add(Violation.ofField(at + ".team", "is required"));
            } else if (m.team().length() > 200) {
                violations.add(Violation.ofField(at + ".team", "at most 200 characters"));
            } else {
                team = byName.computeIfAbsent(m.team().trim().toLowerCase(java.util.Locale.ROOT),
                        k -> teams.findByName(m.team().trim()));
                if (team.isEmpty()) {
                    violations.add(Violation.ofField(at + ".team", "no team is named '" + m.team().trim() + "'"));
                }
            }
            if (m.periodEnd() == null) {
                violations.add(Violation.ofField(at + ".periodEnd", "is required"));
            } else if (m.periodEnd().isAfter(today)) {
                violations.add(Violation.ofField(at + ".periodEnd", "the period ending " + m.periodEnd()
                        + " has not ended yet"));
            }
            if (m.value() == null) {
                violations.add(Violation.ofField(at + ".value", "is required"));
            } else if (m.value().scale() > 6 || m.value().precision() - m.value().scale() > 14) {
                violations.add(Violation.ofField(at + ".value", "at most 14 digits before and 6 after the point"));
            }
            String note = m.note() == null || m.note().isBlank() ? null : m.note().trim();
            if (note != null && note.length() > 1000) {
                violations.add(Violation.ofField(at + ".note", "at most 1000 characters"));
            } else if (note != null && TextPolicy.problem(note).isPresent()) {
                violations.add(Violation.ofField(at + ".note", TextPolicy.problem(note).get()));
            }
            if (violations.size() > before) {
                continue;
            }
            if (!seen.add(team.get().id() + "@" + m.periodEnd())) {
                violations.add(Violation.ofField(at + ".periodEnd", team.get().name() + "'s period " + m.periodEnd()
                        + " appears twice"));
                continue;
            }
            rows.add(new TeamMeasurements.Row(team.get().id(), m.periodEnd(), m.value(), note));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException("MEASUREMENTS_INVALID", violations.size() + " of " + batch.size()
                    + " team measurements are invalid; none was stored.", violations);
        }
        int replaced = store.upsert(kpi.id(), rows, PitwallPrincipal.currentActorName(), clock.instant());
        auditLog.append(AuditRecord.updated(ENTITY, kpi.id(), null, Map.of("rows", rows.size(), "replaced", replaced)));
        return new Recorded(rows.size(), rows.size() - replaced, replaced);
    }

    /**
     * Imports a KPI's values per team from CSV ({@code team,period_end,value[,note]}); all lines or
     * none, each problem named by its line and column.
     */
    public Recorded importCsv(long kpiId, String text) {
        kpis.get(kpiId);
        dev.pitwall.platform.csv.CsvDocument document = dev.pitwall.platform.csv.CsvDocument.parse(text == null ? "" : text,
                List.of(List.of("team"), List.of("period_end", "date"), List.of("value")),
                Set.of("team", "period_end", "date", "value", "note"));
        List<dev.pitwall.platform.csv.CsvRow> rows = document.rows();
        List<Violation> violations = new ArrayList<>();
        List<NewTeamMeasurement> batch = new ArrayList<>();
        for (dev.pitwall.platform.csv.CsvRow row : rows) {
            LocalDate period = null;
            java.math.BigDecimal value = null;
            String periodText = row.first("period_end", "date");
            try {
                period = periodText == null ? null : LocalDate.parse(periodText);
            } catch (java.time.DateTimeException e) {
                violations.add(Violation.ofLine(row.line(), "period_end", "a date like 2026-10-31"));
            }
            try {
                value = row.get("value") == null ? null : new java.math.BigDecimal(row.get("value"));
            } catch (NumberFormatException e) {
                violations.add(Violation.ofLine(row.line(), "value", "a number like 41.5"));
            }
            batch.add(new NewTeamMeasurement(row.get("team"), period, value, row.get("note")));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException("CSV_INVALID", violations.size() + " problems; nothing was stored.", violations);
        }
        try {
            return recordAll(kpiId, batch);
        } catch (InvalidInputException e) {
            throw byLine(e, rows);
        }
    }

    /** The violations of a batch ({@code [i].field}) named by the line and column of the file instead. */
    private static InvalidInputException byLine(InvalidInputException e, List<dev.pitwall.platform.csv.CsvRow> rows) {
        List<Violation> byLine = e.violations().stream().map(v -> {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[(\\d+)\\]\\.?(.*)").matcher(
                    v.field() == null ? "" : v.field());
            if (!m.matches() || Integer.parseInt(m.group(1)) >= rows.size()) {
                return v;
            }
            String column = switch (m.group(2)) {
                case "periodEnd" -> "period_end";
                case "liveOn" -> "live_on";
                default -> m.group(2);
            };
            return Violation.ofLine(rows.get(Integer.parseInt(m.group(1))).line(), column, v.reason());
        }).toList();
        return new InvalidInputException("CSV_INVALID", e.getMessage(), byLine);
    }

    /** Replaces a workflow's team go-lives from CSV ({@code team,live_on}); all lines or none. */
    public List<TeamGoLive> importGoLivesCsv(String workflowKey, String text) {
        workflows.get(workflowKey);
        List<dev.pitwall.platform.csv.CsvRow> rows = text == null || text.isBlank() ? List.of()
                : dev.pitwall.platform.csv.CsvDocument.parse(text, List.of(List.of("team"), List.of("live_on", "date")),
                        Set.of("team", "live_on", "date")).rows();
        List<Violation> violations = new ArrayList<>();
        List<TeamGoLive> goLives = new ArrayList<>();
        for (dev.pitwall.platform.csv.CsvRow row : rows) {
            LocalDate day = null;
            String dayText = row.first("live_on", "date");
            try {
                day = dayText == null ? null : LocalDate.parse(dayText);
            } catch (java.time.DateTimeException e) {
                violations.add(Violation.ofLine(row.line(), "live_on", "a date like 2026-06-01"));
            }
            goLives.add(new TeamGoLive(row.get("team"), day));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException("CSV_INVALID", violations.size() + " problems; nothing was saved.", violations);
        }
        try {
            return setGoLives(workflowKey, goLives);
        } catch (InvalidInputException e) {
            throw byLine(e, rows);
        }
    }

    /** Deletes one team's value for a period recorded by mistake. */
    public void delete(long kpiId, String teamName, LocalDate periodEnd) {
        kpis.get(kpiId);
        Team team = teams.findByName(teamName == null ? "" : teamName.trim())
                .orElseThrow(() -> InvalidInputException.ofField("team", "no team is named '" + teamName + "'"));
        if (store.delete(kpiId, team.id(), periodEnd) == 0) {
            throw InvalidInputException.ofField("periodEnd", "no value of " + team.name() + " for the period ending "
                    + periodEnd);
        }
        auditLog.append(AuditRecord.deleted(ENTITY, kpiId + "@" + team.id() + "@" + periodEnd, null));
    }

    /** The day AI went live for each team of the workflow, earliest first. */
    @Transactional(readOnly = true)
    public List<TeamGoLive> goLives(String workflowKey) {
        Workflow workflow = workflows.get(workflowKey);
        Map<Long, String> names = teams.findAll().stream().collect(Collectors.toMap(Team::id, Team::name));
        List<TeamGoLive> goLives = new ArrayList<>();
        store.goLives(workflow.id()).forEach((team, day) -> goLives.add(new TeamGoLive(names.get(team), day)));
        return goLives;
    }

    /** team id → go-live day, for analyses. */
    @Transactional(readOnly = true)
    public Map<Long, LocalDate> goLiveDays(String workflowKey) {
        return store.goLives(workflows.get(workflowKey).id());
    }

    /** Replaces the workflow's team go-lives; a team left out has not gone live. */
    public List<TeamGoLive> setGoLives(String workflowKey, List<TeamGoLive> goLives) {
        Workflow workflow = workflows.get(workflowKey);
        List<TeamGoLive> list = goLives == null ? List.of() : goLives;
        if (list.size() > 1000) {
            throw InvalidInputException.ofField("teams", "at most 1000 teams");
        }
        List<Violation> violations = new ArrayList<>();
        Map<Long, LocalDate> days = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            TeamGoLive g = list.get(i);
            String at = "[" + i + "]";
            if (g == null) {
                violations.add(Violation.ofField(at, "is required"));
                continue;
            }
            Optional<Team> team = g.team() == null || g.team().isBlank() || g.team().length() > 200 ? Optional.empty()
                    : teams.findByName(g.team().trim());
            if (team.isEmpty()) {
                violations.add(Violation.ofField(at + ".team", g.team() == null || g.team().isBlank() ? "is required"
                        : "no team is named '" + (g.team().length() > 200 ? g.team().substring(0, 200) : g.team().trim())
                                + "'"));
            } else if (days.containsKey(team.get().id())) {
                violations.add(Violation.ofField(at + ".team", team.get().name() + " appears twice"));
            }
            if (g.liveOn() == null) {
                violations.add(Violation.ofField(at + ".liveOn", "is required"));
            }
            if (team.isPresent() && g.liveOn() != null && !days.containsKey(team.get().id())) {
                days.put(team.get().id(), g.liveOn());
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException("GO_LIVES_INVALID", "Nothing was saved: " + violations.size()
                    + " entries are invalid.", violations);
        }
        List<TeamGoLive> before = goLives(workflowKey);
        store.replaceGoLives(workflow.id(), days);
        List<TeamGoLive> after = goLives(workflowKey);
        auditLog.append(AuditRecord.updated(GO_LIVE_ENTITY, workflowKey, before, after));
        return after;
    }
}
