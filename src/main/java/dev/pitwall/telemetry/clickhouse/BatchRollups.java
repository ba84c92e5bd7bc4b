package dev.pitwall.telemetry.clickhouse;

import dev.pitwall.telemetry.internal.RollupRow;
import dev.pitwall.telemetry.internal.UsageEvents;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rollup rows of the ClickHouse store's batches waiting for the rollup worker
 * ({@code telemetry_batch_rollup}): written in the batch's transaction, taken (summed by key and
 * deleted) by the worker, which so never reads raw events back from ClickHouse.
 *
 * <p>A batch's rows are one database row, as CSV text (Commons CSV) in the order of
 * {@link RollupRow#values()}: in a large organization nearly every event of a batch is a rollup
 * row of its own, and one database row per rollup row cost the store more than half its ingestion
 * speed (docs/scaling.md). A re-attribution adds a row of deltas to a batch.
 */
class BatchRollups {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();
    private static final int CHUNK = 1_000;

    private final JdbcClient jdbc;

    BatchRollups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds rows to the batch's; nothing for none. */
    void add(long batchId, List<RollupRow> rows) {
        if (!rows.isEmpty()) {
            jdbc.sql("INSERT INTO telemetry_batch_rollup (batch_id, rollup_rows) VALUES (?, ?)")
                    .params(batchId, csv(rows)).update();
        }
    }

    /** Of these batches, those whose rows wait for the worker. */
    Set<Long> pending(Collection<Long> batchIds) {
        Set<Long> pending = new HashSet<>();
        List<Long> all = List.copyOf(batchIds);
        for (int i = 0; i < all.size(); i += CHUNK) {
            pending.addAll(jdbc.sql("SELECT DISTINCT batch_id FROM telemetry_batch_rollup WHERE batch_id IN (:batches)")
                    .param("batches", all.subList(i, Math.min(all.size(), i + CHUNK))).query(Long.class).list());
        }
        return pending;
    }

    /** The batches' rows summed into one per key (none for a key whose events moved away), and deleted. */
    List<RollupRow> take(List<Long> batchIds) {
        List<RollupRow> rows = new ArrayList<>();
        for (int i = 0; i < batchIds.size(); i += CHUNK) {
            List<Long> chunk = batchIds.subList(i, Math.min(batchIds.size(), i + CHUNK));
            jdbc.sql("SELECT rollup_rows FROM telemetry_batch_rollup WHERE batch_id IN (:batches)")
                    .param("batches", chunk).query((rs, n) -> rs.getString(1)).list()
                    .forEach(text -> rows.addAll(parse(text)));
            jdbc.sql("DELETE FROM telemetry_batch_rollup WHERE batch_id IN (:batches)").param("batches", chunk).update();
        }
        return RollupRow.summed(rows);
    }

    static String csv(List<RollupRow> rows) {
        StringBuilder text = new StringBuilder(rows.size() * 64);
        try (CSVPrinter printer = new CSVPrinter(text, FORMAT)) {
            for (RollupRow row : rows) {
                printer.printRecord(row.values());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    static List<RollupRow> parse(String text) {
        List<RollupRow> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            for (CSVRecord r : parser) {
                rows.add(new RollupRow(LocalDate.parse(r.get(0)), Long.parseLong(r.get(1)), r.get(2),
                        Long.parseLong(r.get(3)), Long.parseLong(r.get(4)), Long.parseLong(r.get(5)),
                        Long.parseLong(r.get(6)), Long.parseLong(r.get(7)), UsageEvents.plain(new BigDecimal(r.get(8))),
                        Long.parseLong(r.get(9)), Long.parseLong(r.get(10)), Long.parseLong(r.get(11)),
                        Long.parseLong(r.get(12)), Long.parseLong(r.get(13)), Long.parseLong(r.get(14)),
                        Long.parseLong(r.get(15)), Long.parseLong(r.get(16))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
