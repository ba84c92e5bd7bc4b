package dev.pitwall.telemetry.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Many rows into one table in the caller's transaction: PostgreSQL's {@code COPY} (CSV written by
 * Commons CSV; the fastest durable path), JDBC batches on H2. A row that breaks a unique key fails
 * the whole insert: {@link UsageEvents.UsageEventWriteException#isDuplicate()} on PostgreSQL,
 * Spring's {@code DuplicateKeyException} on H2.
 */
@Component
public class BulkInsert {

    private final JdbcTemplate template;
    private final DataSource dataSource;
    private final boolean postgres;

    BulkInsert(JdbcTemplate template, DataSource dataSource, DatabaseKind database) {
        this.template = template;
        this.dataSource = dataSource;
        this.postgres = database.isPostgres();
    }

    /** @param columns the table's columns, comma-separated, in the order of each row's values */
    public void insert(String table, String columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (postgres) {
            copy(table, columns, rows);
        } else {
            template.batchUpdate("INSERT INTO " + table + " (" + columns + ") VALUES ("
                    + String.join(", ", java.util.Collections.nCopies(columns.split(",").length, "?")) + ")", rows);
        }
    }

    private void copy(String table, String columns, List<Object[]> rows) {
        StringWriter csv = new StringWriter(rows.size() * 16 * rows.get(0).length);
        try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.POSTGRESQL_CSV)) {
            for (Object[] row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY " + table + " (" + columns + ") FROM STDIN (FORMAT csv)", new StringReader(csv.toString()));
        } catch (SQLException e) {
            throw new UsageEvents.UsageEventWriteException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
