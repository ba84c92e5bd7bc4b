package dev.pitwall.telemetry.internal;

import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The active-day packs: for each month and workflow, every person with an event attributed to the
 * workflow that month and the mask of their active days, in one binary value (people in ascending
 * id order, 8 bytes of id and 4 of mask each). They hold what telemetry_active_month holds, a row
 * per workflow and month instead of per person: an organization scorecard reads 1,000 values
 * instead of 200,000 rows at 10,000 people and 500 workflows (docs/metrics.md, "Benchmark").
 * telemetry_active_month stays the record the packs are rebuilt from.
 */
final class ActivePacks {

    private static final int ENTRY = 12;

    private ActivePacks() {
    }

    /** One workflow's month: ascending person ids and their day masks (bit d-1 for day d). */
    record Pack(int monthIndex, long workflowId, long[] people, int[] days) {

        static Pack decode(int monthIndex, long workflowId, byte[] packed) {
            int n = packed.length / ENTRY;
            long[] people = new long[n];
            int[] days = new int[n];
            ByteBuffer buffer = ByteBuffer.wrap(packed);
            for (int i = 0; i < n; i++) {
                people[i] = buffer.getLong();
                days[i] = buffer.getInt();
            }
            return new Pack(monthIndex, workflowId, people, days);
        }

        byte[] encode() {
            ByteBuffer buffer = ByteBuffer.allocate(people.length * ENTRY);
            for (int i = 0; i < people.length; i++) {
                buffer.putLong(people[i]).putInt(days[i]);
            }
            return buffer.array();
        }

        /** This pack with more active days (a person's mask OR-ed in, new people inserted in order). */
        Pack with(Map<Long, Integer> added) {
            long[] newPeople = added.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
            long[] mergedPeople = new long[people.length + newPeople.length];
            int[] mergedDays = new int[mergedPeople.length];
            int i = 0;
            int j = 0;
            int n = 0;
            while (i < people.length || j < newPeople.length) {
                if (j == newPeople.length || i < people.length && people[i] < newPeople[j]) {
                    mergedPeople[n] = people[i];
                    mergedDays[n++] = days[i++];
                } else if (i == people.length || newPeople[j] < people[i]) {
                    mergedPeople[n] = newPeople[j];
                    mergedDays[n++] = added.get(newPeople[j++]);
                } else {
                    mergedPeople[n] = people[i];
                    mergedDays[n++] = days[i++] | added.get(newPeople[j++]);
                }
            }
            return new Pack(monthIndex, workflowId, Arrays.copyOf(mergedPeople, n), Arrays.copyOf(mergedDays, n));
        }
    }

    /** A month and workflow. */
    record Key(int monthIndex, long workflowId) {
    }

    /**
     * Adds active days to the packs: {@code added} holds, by month and workflow, each person's new
     * mask. The packs touched are read, merged and written back; the caller holds the rollup lock.
     */
    static void add(JdbcTemplate jdbc, Map<Key, Map<Long, Integer>> added) {
        if (added.isEmpty()) {
            return;
        }
        Map<Key, Pack> existing = new HashMap<>();
        int firstMonth = added.keySet().stream().mapToInt(Key::monthIndex).min().orElseThrow();
        int lastMonth = added.keySet().stream().mapToInt(Key::monthIndex).max().orElseThrow();
        List<Long> workflows = added.keySet().stream().map(Key::workflowId).distinct().toList();
        for (int from = 0; from < workflows.size(); from += 1_000) {
            List<Long> chunk = workflows.subList(from, Math.min(workflows.size(), from + 1_000));
            jdbc.query("SELECT month_index, workflow_id, people FROM telemetry_active_pack WHERE month_index BETWEEN ? AND ?"
                    + " AND workflow_id IN (" + String.join(",", chunk.stream().map(String::valueOf).toList()) + ")",
                    rs -> {
                        Key key = new Key(rs.getInt(1), rs.getLong(2));
                        if (added.containsKey(key)) {
                            existing.put(key, Pack.decode(key.monthIndex(), key.workflowId(), rs.getBytes(3)));
                        }
                    }, firstMonth, lastMonth);
        }
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        added.forEach((key, masks) -> {
            Pack before = existing.get(key);
            Pack after = (before != null ? before : new Pack(key.monthIndex(), key.workflowId(), new long[0], new int[0]))
                    .with(masks);
            (before != null ? updates : inserts).add(new Object[] {after.encode(), key.monthIndex(), key.workflowId()});
        });
        jdbc.batchUpdate("UPDATE telemetry_active_pack SET people = ? WHERE month_index = ? AND workflow_id = ?", updates);
        jdbc.batchUpdate("INSERT INTO telemetry_active_pack (people, month_index, workflow_id) VALUES (?, ?, ?)", inserts);
    }

    /**
     * Writes the packs of months [firstMonth, lastMonth] anew from telemetry_active_month (a
     * rebuild, and the migration that made the packs).
     */
    static void rebuild(JdbcTemplate jdbc, int firstMonth, int lastMonth) {
        jdbc.update("DELETE FROM telemetry_active_pack WHERE month_index BETWEEN ? AND ?", firstMonth, lastMonth);
        for (int month = firstMonth; month <= lastMonth; month++) {
            List<Object[]> inserts = new ArrayList<>();
            Map<Long, Integer> masks = new HashMap<>();
            long[] current = {-1};
            int m = month;
            jdbc.query("SELECT workflow_id, person_id, days FROM telemetry_active_month WHERE month_index = ?"
                    + " ORDER BY workflow_id", (ResultSet rs) -> {
                        long workflow = rs.getLong(1);
                        if (workflow != current[0] && !masks.isEmpty()) {
                            inserts.add(insert(m, current[0], masks));
                            masks.clear();
                        }
                        current[0] = workflow;
                        masks.merge(rs.getLong(2), rs.getInt(3), (a, b) -> a | b);
                    }, month);
            if (!masks.isEmpty()) {
                inserts.add(insert(m, current[0], masks));
            }
            jdbc.batchUpdate("INSERT INTO telemetry_active_pack (people, month_index, workflow_id) VALUES (?, ?, ?)",
                    inserts);
        }
    }

    /** The months telemetry_active_month holds, first and last, if any. */
    static int[] monthRange(JdbcTemplate jdbc) {
        return jdbc.query("SELECT MIN(month_index), MAX(month_index) FROM telemetry_active_month", rs -> {
            rs.next();
            int first = rs.getInt(1);
            return rs.wasNull() ? null : new int[] {first, rs.getInt(2)};
        });
    }

    private static Object[] insert(int month, long workflow, Map<Long, Integer> masks) {
        Pack pack = new Pack(month, workflow, new long[0], new int[0]).with(masks);
        return new Object[] {pack.encode(), month, workflow};
    }

    /** Reads a pack's binary value from a result set column. */
    static Pack read(ResultSet rs, int monthColumn, int workflowColumn, int peopleColumn) throws SQLException {
        return Pack.decode(rs.getInt(monthColumn), rs.getLong(workflowColumn), rs.getBytes(peopleColumn));
    }
}
