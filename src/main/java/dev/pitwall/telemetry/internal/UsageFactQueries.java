package dev.pitwall.telemetry.internal;

import static dev.pitwall.platform.jdbc.SqlValues.date;
import static dev.pitwall.platform.jdbc.SqlValues.dateLiteral;

import dev.pitwall.telemetry.UsageFacts.PersonActivity;
import dev.pitwall.telemetry.UsageFacts.ScoreDay;
import dev.pitwall.telemetry.UsageFacts.Slice;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Bulk reads of the rollups and evaluations for the metric engines. */
@Repository
public class UsageFactQueries {

    private final JdbcClient jdbc;

    UsageFactQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Workflow id → person id → distinct days in [from, to] with an event attributed to the
     * workflow, counted from the active-day packs (a row per workflow and month; a window of W days
     * touches at most a few months). The inner maps are read-only.
     */
    public Map<Long, Map<Long, Integer>> activeDays(Collection<Long> workflowIds, LocalDate from, LocalDate to) {
        Map<Long, Map<Long, Integer>> days = new HashMap<>();
        if (workflowIds.isEmpty()) {
            return days;
        }
        int firstMonth = Rollups.monthIndex(from);
        int lastMonth = Rollups.monthIndex(to);
        int[] windowMasks = new int[lastMonth - firstMonth + 1];
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            windowMasks[Rollups.monthIndex(d) - firstMonth] |= 1 << (d.getDayOfMonth() - 1);
        }
        Map<Long, ActiveDayCounts> counts = new HashMap<>();
        // Literal bounds keep PostgreSQL from a generic plan (see SqlValues.dateLiteral).
        jdbc.sql("""
                SELECT month_index, workflow_id, people FROM telemetry_active_pack
                WHERE month_index BETWEEN %d AND %d AND workflow_id IN (:workflows)
                """.formatted(firstMonth, lastMonth)).param("workflows", workflowIds)
                .query(rs -> {
                    ActivePacks.Pack pack = ActivePacks.read(rs, 1, 2, 3);
                    int mask = windowMasks[pack.monthIndex() - firstMonth];
                    long[] people = new long[pack.people().length];
                    int[] active = new int[people.length];
                    int n = 0;
                    for (int i = 0; i < people.length; i++) {
                        int d = Integer.bitCount(pack.days()[i] & mask);
                        if (d > 0) {
                            people[n] = pack.people()[i];
                            active[n++] = d;
                        }
                    }
                    ActiveDayCounts month = new ActiveDayCounts(java.util.Arrays.copyOf(people, n),
                            java.util.Arrays.copyOf(active, n));
                    counts.merge(pack.workflowId(), month, ActiveDayCounts::plus);
                });
        counts.forEach((workflow, c) -> {
            if (!c.isEmpty()) {
                days.put(workflow, c);
            }
        });
        return days;
    }

    /** All slices, or those of the given systems and workflows (either may be empty) when systemIds is not null. */
    public List<Slice> slices(LocalDate from, LocalDate to, Collection<Long> systemIds, Collection<Long> workflowIds) {
        Collection<Long> systems = systemIds == null || systemIds.isEmpty() ? List.of(-1L) : systemIds;
        Collection<Long> workflows = workflowIds == null || workflowIds.isEmpty() ? List.of(-1L) : workflowIds;
        String onlySystems = systemIds == null ? ""
                : " AND (r.system_id IN (:systems) OR r.workflow_id IN (:workflows))";
        var statement = jdbc.sql("""
                SELECT r.workflow_id, r.system_id, SUM(r.events) AS events, SUM(r.errors) AS errors,
                       SUM(r.accepted) AS accepted, SUM(r.edited) AS edited, SUM(r.overridden) AS overridden,
                       SUM(r.rejected) AS rejected
                FROM telemetry_daily_slice r WHERE r.event_day BETWEEN %s AND %s%s
                GROUP BY r.workflow_id, r.system_id
                """.formatted(dateLiteral(from), dateLiteral(to), onlySystems));
        if (systemIds != null) {
            statement = statement.param("systems", systems).param("workflows", workflows);
        }
        return statement
                .query((rs, n) -> new Slice(rs.getLong("workflow_id"), rs.getLong("system_id"), rs.getLong("events"),
                        rs.getLong("errors"), rs.getLong("accepted"), rs.getLong("edited"), rs.getLong("overridden"),
                        rs.getLong("rejected")))
                .list();
    }

    /**
     * Each person's events in [from, to], and how many were in the given workflows. The events come
     * from the person month totals (a row per person and month); the events in the given workflows
     * from the person months (a row per person, workflow and month) of the smaller side: those
     * workflows, or the others with events in the window (their events subtracted from the totals).
     * At 10,000 people and 500 workflows that reads 10,000 rows and those of a few workflows
     * instead of 200,000 rows a month.
     */
    public List<PersonActivity> personActivity(LocalDate from, LocalDate to, Set<Long> workflowIds) {
        if (to.isBefore(from)) {
            return List.of();
        }
        String events = eventsInWindow(from, to);
        int firstMonth = Rollups.monthIndex(from);
        int lastMonth = Rollups.monthIndex(to);
        Map<PersonKey, long[]> byPerson = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                SELECT m.person_id, m.person_ref, SUM(%s) AS events FROM telemetry_person_month_total m
                WHERE m.month_index BETWEEN %d AND %d AND (m.person_id > 0 OR m.person_ref <> '')
                GROUP BY m.person_id, m.person_ref
                """.formatted(events, firstMonth, lastMonth))
                .query(rs -> {
                    long total = rs.getLong(3);
                    if (total > 0) {
                        byPerson.put(new PersonKey(rs.getLong(1), rs.getString(2)), new long[] {total, 0});
                    }
                });
        Set<Long> inWindow = new java.util.HashSet<>(jdbc.sql("SELECT DISTINCT workflow_id FROM telemetry_daily_slice"
                + " WHERE event_day BETWEEN %s AND %s".formatted(dateLiteral(from), dateLiteral(to)))
                .query(Long.class).list());
        Set<Long> given = new java.util.HashSet<>(inWindow);
        given.retainAll(workflowIds);
        Set<Long> others = new java.util.HashSet<>(inWindow);
        others.removeAll(workflowIds);
        boolean readGiven = given.size() <= others.size();
        Set<Long> side = readGiven ? given : others;
        Map<PersonKey, Long> sideEvents = new HashMap<>();
        if (!side.isEmpty()) {
            jdbc.sql("""
                    SELECT m.person_id, m.person_ref, SUM(%s) AS events FROM telemetry_person_month m
                    WHERE m.month_index BETWEEN %d AND %d AND m.workflow_id IN (:workflows)
                      AND (m.person_id > 0 OR m.person_ref <> '')
                    GROUP BY m.person_id, m.person_ref
                    """.formatted(events, firstMonth, lastMonth)).param("workflows", side)
                    .query(rs -> {
                        sideEvents.put(new PersonKey(rs.getLong(1), rs.getString(2)), rs.getLong(3));
                    });
        }
        List<PersonActivity> activity = new java.util.ArrayList<>(byPerson.size());
        byPerson.forEach((person, counts) -> {
            long onSide = sideEvents.getOrDefault(person, 0L);
            long inGiven = readGiven ? onSide : counts[0] - onSide;
            activity.add(new PersonActivity(person.id() > 0 ? person.id() : null, person.id() > 0 ? null : person.ref(),
                    counts[0], inGiven));
        });
        return activity;
    }

    /** A person month's person: a known person's id, or 0 and an unknown user's reference. */
    private record PersonKey(long id, String ref) {
    }

    /** A person month's events on the days of [from, to]: the sum of its day columns in the window. */
    static String eventsInWindow(LocalDate from, LocalDate to) {
        StringBuilder sql = new StringBuilder("(CASE m.month_index");
        for (LocalDate month = from.withDayOfMonth(1); !month.isAfter(to); month = month.plusMonths(1)) {
            // The window's first month starts on its first day, its last month ends on its last.
            int first = Rollups.monthIndex(month) == Rollups.monthIndex(from) ? from.getDayOfMonth() : 1;
            int last = Rollups.monthIndex(month) == Rollups.monthIndex(to) ? to.getDayOfMonth() : month.lengthOfMonth();
            sql.append(" WHEN ").append(Rollups.monthIndex(month)).append(" THEN (");
            for (int d = first; d <= last; d++) {
                sql.append(d == first ? "" : " + ").append("m.d%02d".formatted(d));
            }
            sql.append(")");
        }
        return sql.append(" ELSE 0 END)").toString();
    }

    /** Events of known people by system and workflow (0: none) in [from, to]. */
    public List<dev.pitwall.telemetry.UsageFacts.PersonSystemActivity> personSystemActivity(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT r.person_id, r.system_id, r.workflow_id, SUM(r.events) AS events FROM telemetry_daily_rollup r
                WHERE r.event_day BETWEEN %s AND %s AND r.person_id > 0
                GROUP BY r.person_id, r.system_id, r.workflow_id
                """.formatted(dateLiteral(from), dateLiteral(to)))
                .query((rs, n) -> new dev.pitwall.telemetry.UsageFacts.PersonSystemActivity(rs.getLong("person_id"),
                        rs.getLong("system_id"), rs.getLong("workflow_id"), rs.getLong("events")))
                .list();
    }

    public List<dev.pitwall.telemetry.UsageFacts.PersonWorkflowUse> personWorkflowUse(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT r.person_id, r.workflow_id, COUNT(DISTINCT r.event_day) AS active_days, SUM(r.events) AS events,
                    SUM(r.errors) AS errors, SUM(r.accepted) AS accepted, SUM(r.edited) AS edited,
                    SUM(r.overridden) AS overridden, SUM(r.rejected) AS rejected
                FROM telemetry_daily_rollup r
                WHERE r.event_day BETWEEN %s AND %s AND r.person_id > 0
                GROUP BY r.person_id, r.workflow_id
                """.formatted(dateLiteral(from), dateLiteral(to)))
                .query((rs, n) -> new dev.pitwall.telemetry.UsageFacts.PersonWorkflowUse(rs.getLong("person_id"),
                        rs.getLong("workflow_id"), rs.getInt("active_days"), rs.getLong("events"), rs.getLong("errors"),
                        rs.getLong("accepted"), rs.getLong("edited"), rs.getLong("overridden"), rs.getLong("rejected")))
                .list();
    }

    /** system id → workflow id (0 = all of the system's evaluations) → latest day's mean score. */
    public Map<Long, Map<Long, Double>> latestEvaluationScores(Collection<Long> systemIds, LocalDate asOf) {
        Map<Long, Map<Long, Double>> scores = new HashMap<>();
        if (systemIds.isEmpty()) {
            return scores;
        }
        jdbc.sql("""
                SELECT v.system_id, 0 AS workflow_id, AVG(v.score_value) AS score FROM telemetry_evaluation v
                JOIN (SELECT system_id, MAX(event_day) AS last_day FROM telemetry_evaluation
                      WHERE system_id IN (:systems) AND event_day <= :asOf AND score_value BETWEEN 0 AND 1
                      GROUP BY system_id) l ON l.system_id = v.system_id AND l.last_day = v.event_day
                WHERE v.score_value BETWEEN 0 AND 1
                GROUP BY v.system_id
                UNION ALL
                SELECT v.system_id, v.workflow_id, AVG(v.score_value) AS score FROM telemetry_evaluation v
                JOIN (SELECT system_id, workflow_id, MAX(event_day) AS last_day FROM telemetry_evaluation
                      WHERE system_id IN (:systems) AND workflow_id IS NOT NULL AND event_day <= :asOf
                        AND score_value BETWEEN 0 AND 1
                      GROUP BY system_id, workflow_id) l
                  ON l.system_id = v.system_id AND l.workflow_id = v.workflow_id AND l.last_day = v.event_day
                WHERE v.score_value BETWEEN 0 AND 1
                GROUP BY v.system_id, v.workflow_id
                """).param("systems", systemIds).param("asOf", asOf)
                .query(rs -> {
                    scores.computeIfAbsent(rs.getLong("system_id"), k -> new HashMap<>())
                            .put(rs.getLong("workflow_id"), rs.getDouble("score"));
                });
        return scores;
    }

    /** Changes whenever the rollups or the evaluations change: the count of rollup changes and the newest evaluation. */
    public String version() {
        Long rollups = jdbc.sql("SELECT changes FROM telemetry_rollup_lock WHERE id = 1").query(Long.class).single();
        Long evaluations = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM telemetry_evaluation").query(Long.class).single();
        return rollups + "|" + evaluations;
    }

    public List<ScoreDay> evaluationTrend(long systemId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT event_day, AVG(score_value) AS score, COUNT(*) AS n FROM telemetry_evaluation
                WHERE system_id = :system AND event_day BETWEEN :from AND :to AND score_value BETWEEN 0 AND 1
                GROUP BY event_day ORDER BY event_day
                """).param("system", systemId).param("from", from).param("to", to)
                .query((rs, n) -> new ScoreDay(systemId, date(rs, "event_day"), rs.getDouble("score"), rs.getLong("n")))
                .list();
    }
}
