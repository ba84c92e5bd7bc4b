package dev.pitwall.telemetry.clickhouse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * ClickHouse over its HTTP interface, as the issue asks and as every version from Debian's 18.16
 * to today's answers it: statements in the request body, rows in and out as {@code JSONEachRow}
 * (one JSON object per line, written and read with Jackson), no response compression. Values go
 * into statements as literals quoted by {@link #quote(String)}: 18.16 knows no query parameters.
 *
 * <p>The password is sent as HTTP Basic authentication and never appears in a message or a log.
 */
public class ClickHouseClient {

    private static final JsonMapper JSON = JsonMapper.builder()
            // 100 is written 100, not 1E+2, which ClickHouse's Decimal does not read.
            .enable(tools.jackson.core.StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            // Decimals read exactly (costs), not through a double.
            .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    /** 64-bit integers as JSON numbers (ClickHouse quotes them by default, for JavaScript). */
    private static final String READ_SETTINGS = "output_format_json_quote_64bit_integers=0";

    private final HttpClient http;
    private final URI base;
    private final String database;
    private final String authorization;
    private final Duration timeout;

    /**
     * @param url the HTTP interface, e.g. {@code http://127.0.0.1:8123}
     * @param database the database Pitwall's tables live in (created by {@link #createDatabase()})
     * @param user the ClickHouse user ({@code default} when blank)
     * @param password its password (may be blank)
     * @param timeout how long one request may take
     */
    public ClickHouseClient(URI url, String database, String user, String password, Duration timeout) {
        if (!database.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("pitwall.telemetry.clickhouse.database: letters, digits and _ only");
        }
        this.base = URI.create(url.toString().replaceAll("/+$", "") + "/");
        this.database = database;
        String who = user == null || user.isBlank() ? "default" : user;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((who + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    public String database() {
        return database;
    }

    /** {@code database.table}, for statements. */
    public String table(String name) {
        return database + "." + name;
    }

    public void createDatabase() {
        execute("CREATE DATABASE IF NOT EXISTS " + database);
    }

    /** Runs a statement that returns nothing (DDL, ALTER). */
    public void execute(String sql) {
        send("", sql.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Inserts rows, each written by Jackson as one JSON object (a record or a map whose names are
     * the table's columns), in one request: ClickHouse stores an insert as one part, so rows come
     * in large batches or not at all.
     */
    public void insert(String table, List<?> rows) {
        if (rows.isEmpty()) {
            return;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(rows.size() * 256);
        ObjectWriter writer = JSON.writer();
        for (Object row : rows) {
            body.writeBytes(writer.writeValueAsBytes(row));
            body.write('\n');
        }
        send("query=" + URLEncoder.encode("INSERT INTO " + table(table) + " FORMAT JSONEachRow", StandardCharsets.UTF_8),
                body.toByteArray());
    }

    /** The rows of a SELECT (without its FORMAT clause), each mapped from its JSON object. */
    public <T> List<T> query(String select, Function<JsonNode, T> mapper) {
        byte[] answer = send(READ_SETTINGS, (select + " FORMAT JSONEachRow").getBytes(StandardCharsets.UTF_8));
        List<T> rows = new ArrayList<>();
        try (MappingIterator<JsonNode> lines = JSON.readerFor(JsonNode.class).readValues(answer)) {
            while (lines.hasNextValue()) {
                rows.add(mapper.apply(lines.nextValue()));
            }
        }
        return rows;
    }

    /** The one number a SELECT returns (a count). */
    public long queryLong(String select) {
        List<Long> values = query(select, row -> row.properties().iterator().next().getValue().asLong());
        if (values.size() != 1) {
            throw new ClickHouseException("expected one row, got " + values.size());
        }
        return values.get(0);
    }

    /** Whether the server answers its ping. */
    public boolean reachable() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("ping")).timeout(timeout)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * A string literal for a statement: ClickHouse's escapes for the backslash and the quote, and
     * {@code \xHH} for control characters, so no value can end the literal or change the statement.
     */
    public static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '\'') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                out.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
            } else {
                out.append(c);
            }
        }
        return out.append('\'').toString();
    }

    /**
     * One request. A connection the server closed while idle (it keeps them 3 s) fails before
     * anything was sent: such a request is tried once more. Every statement Pitwall sends may be
     * repeated: inserts are de-duplicated by the tables' keys, DDL says IF (NOT) EXISTS.
     */
    private byte[] send(String urlQuery, byte[] body) {
        URI uri = urlQuery.isEmpty() ? base : URI.create(base + "?" + urlQuery);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                byte[] answer;
                try (InputStream in = response.body()) {
                    answer = in.readAllBytes();
                }
                if (response.statusCode() != 200) {
                    throw new ClickHouseException(firstLine(new String(answer, StandardCharsets.UTF_8)));
                }
                return answer;
            } catch (IOException e) {
                if (attempt == 2) {
                    throw new UncheckedIOException("ClickHouse at " + base + " did not answer: " + e.getMessage(), e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ClickHouseException("interrupted");
            }
        }
    }

    private static String firstLine(String message) {
        String line = message.strip();
        int end = line.indexOf('\n');
        return end < 0 ? line : line.substring(0, end);
    }

    /** ClickHouse refused a statement; the message is the server's (it never holds the password). */
    public static class ClickHouseException extends RuntimeException {
        public ClickHouseException(String message) {
            super(message);
        }
    }
}
