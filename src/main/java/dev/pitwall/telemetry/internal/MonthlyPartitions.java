package dev.pitwall.telemetry.internal;

import dev.pitwall.telemetry.TelemetrySource;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Monthly partitions of a table of raw usage events, or of their keys, on PostgreSQL: one list
 * partition per source ({@code <table>_<source>}), each in range partitions of a calendar month of
 * {@code event_day} ({@code <table>_<source>_<yyyymm>}). They are created ahead (this month and
 * the next, for every source that has any) and on demand before rows of a month without one are
 * written; the retention drops whole months. On H2 there are none. Subclasses name the table:
 * {@link UsageEventPartitions} (the events, migration V4_14), {@link EventKeyPartitions} (the
 * ClickHouse store's keys, V4_22).
 *
 * <p>Partitions are created in a transaction of their own, under an advisory lock, so nodes that
 * need the same month at once do not collide, and the writer's transaction never holds the lock
 * that creating a partition takes on its parent.
 */
public abstract class MonthlyPartitions {

    /** The advisory lock taken while partitions are created or dropped (any constant all nodes agree on). */
    private static final long LOCK = 0x5069_7477_616c_6c31L;
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMM", Locale.ROOT);

    /** A month of one source's rows of a partitioned table. */
    public record Partition(String parent, TelemetrySource source, YearMonth month) implements Comparable<Partition> {

        public String table() {
            return sourceTable(parent, source) + "_" + month.format(SUFFIX);
        }

        /** The first day after it: the partition holds days before this one. */
        public LocalDate end() {
            return month.plusMonths(1).atDay(1);
        }

        @Override
        public int compareTo(Partition other) {
            int bySource = source.compareTo(other.source);
            return bySource != 0 ? bySource : month.compareTo(other.month);
        }
    }

    private final String parent;
    private final Pattern name;
    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final boolean postgres;
    private final Clock clock;
    /** Those known to exist; filled from the catalog at first use, so a hit costs no query. */
    private final Set<Partition> known = ConcurrentHashMap.newKeySet();
    private volatile boolean loaded;

    MonthlyPartitions(String parent, JdbcClient jdbc, PlatformTransactionManager transactionManager,
            DatabaseKind database, Clock clock) {
        this.parent = parent;
        this.name = Pattern.compile(parent + "_([a-z0-9_]+)_(\\d{6})");
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.postgres = database.isPostgres();
        this.clock = clock;
    }

    /** Whether the table is partitioned (PostgreSQL). */
    public boolean partitioned() {
        return postgres;
    }

    /** Makes sure the months of these days have partitions for the source, before events of them are written. */
    public void ensure(TelemetrySource source, Collection<LocalDate> days) {
        if (!postgres || days.isEmpty()) {
            return;
        }
        loadOnce();
        Set<Partition> missing = new TreeSet<>();
        for (LocalDate day : days) {
            Partition partition = new Partition(parent, source, YearMonth.from(day));
            if (!known.contains(partition)) {
                missing.add(partition);
            }
        }
        if (!missing.isEmpty()) {
            create(missing);
        }
    }

    /** Creates this month's and next month's partitions of every source that has any (run daily). */
    public void createAhead() {
        if (!postgres) {
            return;
        }
        loadOnce();
        YearMonth now = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        Set<Partition> ahead = new TreeSet<>();
        for (TelemetrySource source : sourcesWithPartitions()) {
            for (YearMonth month = now; !month.isAfter(now.plusMonths(1)); month = month.plusMonths(1)) {
                Partition partition = new Partition(parent, source, month);
                if (!known.contains(partition)) {
                    ahead.add(partition);
                }
            }
        }
        if (!ahead.isEmpty()) {
            create(ahead);
        }
    }

    /** The source's partitions that hold only days before {@code day}, oldest first. */
    public List<Partition> before(TelemetrySource source, LocalDate day) {
        return existing().stream().filter(p -> p.source() == source && !p.end().isAfter(day)).toList();
    }

    /**
     * Drops one partition with its rows, in the caller's transaction; how many rows it held. The
     * lock on the parent it needs is waited for a few seconds at most (then the sweep fails and
     * runs again later) so that writers never queue behind it for long.
     */
    public long drop(Partition partition) {
        jdbc.sql("SELECT pg_advisory_xact_lock(" + LOCK + ")").query().singleRow();
        jdbc.sql("SET LOCAL lock_timeout = '5s'").update();
        long rows = jdbc.sql("SELECT COUNT(*) FROM " + partition.table()).query(Long.class).single();
        jdbc.sql("DROP TABLE " + partition.table()).update();
        known.remove(partition);
        return rows;
    }

    /**
     * Drops the source's partitions that hold only days before {@code day}, each in a transaction
     * of its own; how many rows they held.
     */
    public long dropBefore(TelemetrySource source, LocalDate day) {
        long rows = 0;
        for (Partition partition : before(source, day)) {
            rows += ownTransaction.execute(status -> drop(partition));
        }
        return rows;
    }

    /** Every partition of a month there is, read from the catalog. */
    public Set<Partition> existing() {
        Set<Partition> found = new TreeSet<>();
        if (!postgres) {
            return found;
        }
        for (String name : jdbc.sql("""
                SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                JOIN pg_class p ON p.oid = i.inhparent JOIN pg_inherits pi ON pi.inhrelid = p.oid
                JOIN pg_class root ON root.oid = pi.inhparent
                WHERE root.relname = :parent AND c.relnamespace = CAST(current_schema() AS regnamespace)
                """).param("parent", parent).query(String.class).list()) {
            parse(name).ifPresent(found::add);
        }
        known.clear();
        known.addAll(found);
        return found;
    }

    private void loadOnce() {
        if (!loaded) {
            existing();
            loaded = true;
        }
    }

    private Set<TelemetrySource> sourcesWithPartitions() {
        Set<TelemetrySource> sources = new TreeSet<>();
        known.forEach(p -> sources.add(p.source()));
        return sources;
    }

    /**
     * Each table is made on its own and then attached: attaching locks the parent only against other
     * schema changes (SHARE UPDATE EXCLUSIVE), so writers and readers of the events go on, where
     * {@code CREATE TABLE ... PARTITION OF} would wait for every reader and make every writer wait.
     */
    private void create(Set<Partition> partitions) {
        ownTransaction.executeWithoutResult(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(" + LOCK + ")").query().singleRow();
            jdbc.sql("SET LOCAL lock_timeout = '10s'").update();
            Set<String> existing = new java.util.HashSet<>(jdbc.sql("""
                    SELECT c.relname FROM pg_class c WHERE c.relispartition AND c.relname LIKE :prefix
                    AND c.relnamespace = CAST(current_schema() AS regnamespace)
                    """).param("prefix", parent.replace("_", "\\_") + "\\_%").query(String.class).list());
            for (Partition p : partitions) {
                String source = sourceTable(parent, p.source());
                if (existing.add(source)) {
                    jdbc.sql("CREATE TABLE " + source + " (LIKE " + parent + " INCLUDING DEFAULTS) "
                            + "PARTITION BY RANGE (event_day)").update();
                    jdbc.sql("ALTER TABLE " + parent + " ATTACH PARTITION " + source + " FOR VALUES IN ('"
                            + p.source().name() + "')").update();
                }
                if (existing.add(p.table())) {
                    jdbc.sql("CREATE TABLE " + p.table() + " (LIKE " + parent + " INCLUDING DEFAULTS)").update();
                    jdbc.sql("ALTER TABLE " + source + " ATTACH PARTITION " + p.table() + " FOR VALUES FROM ('"
                            + p.month().atDay(1) + "') TO ('" + p.end() + "')").update();
                }
            }
        });
        known.addAll(partitions);
    }

    private static String sourceTable(String parent, TelemetrySource source) {
        return parent + "_" + source.name().toLowerCase(Locale.ROOT);
    }

    private java.util.Optional<Partition> parse(String table) {
        Matcher m = name.matcher(table);
        if (!m.matches()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(new Partition(parent, TelemetrySource.valueOf(m.group(1).toUpperCase(Locale.ROOT)),
                    YearMonth.parse(m.group(2), SUFFIX)));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            return java.util.Optional.empty();
        }
    }
}
