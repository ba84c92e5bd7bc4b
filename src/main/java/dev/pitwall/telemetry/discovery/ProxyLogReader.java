package dev.pitwall.telemetry.discovery;

import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.platform.web.Violation;
import dev.pitwall.telemetry.IngestionTooLarge;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import dev.pitwall.platform.csv.CsvDocument;
import dev.pitwall.platform.csv.CsvRow;
import org.springframework.stereotype.Component;

/**
 * Reads web-proxy logs into the requests that went to AI services of the catalog; other requests
 * are only counted. All or nothing: a line that cannot be read refuses the file, every such line
 * and field named. CSV formats are read with the project's {@link CsvDocument} (Commons CSV) by
 * their header row, whose names may be any of the aliases below (case, spaces, dashes, dots and
 * underscores ignored).
 */
@Component
public class ProxyLogReader {

    /** The most lines one request may hold. */
    static final int MAX_LINES = 2_000_000;
    /** The most problems listed in a refusal. */
    private static final int MAX_PROBLEMS = 100;

    /** Header aliases of the CSV formats (Zscaler NSS feed fields, Netskope event fields, common exports). */
    static final Map<String, List<String>> ALIASES = Map.of(
            "time", List.of("time", "datetime", "timestamp", "date", "eventtime", "logtime"),
            "user", List.of("login", "user", "username", "useremail", "urnormalized", "userkey", "email"),
            "url", List.of("url", "eurl", "requesturl", "fullurl"),
            "host", List.of("host", "hostname", "domain", "dsthost", "serverhost", "ehost"),
            "action", List.of("action", "policyaction", "status"),
            "upload", List.of("reqsize", "requestsize", "clientbytes", "bytesuploaded", "bytessent", "uploadbytes",
                    "reqdatasize"),
            "download", List.of("respsize", "responsesize", "serverbytes", "bytesdownloaded", "bytesreceived",
                    "downloadbytes", "respdatasize"));
    private static final DateTimeFormatter CTIME = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.ROOT);
    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS]", Locale.ROOT);

    private final AiServiceCatalog catalog;
    private final java.time.Clock clock;

    ProxyLogReader(AiServiceCatalog catalog, java.time.Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * What a log holds.
     *
     * @param lines the lines read (header excluded)
     * @param requests the requests to AI services
     * @param otherRequests requests to other hosts, not kept
     */
    public record Read(int lines, List<ProxyRequest> requests, int otherRequests) {
    }

    public Read read(ProxyLogFormat format, byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Collector collector = new Collector(format, clock.instant().plusSeconds(300));
        if (format == ProxyLogFormat.SQUID) {
            String[] lines = text.split("\r?\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (!lines[i].isBlank() && !lines[i].startsWith("#")) {
                    collector.squid(i + 1, lines[i]);
                }
            }
        } else {
            csv(text, collector);
        }
        if (!collector.problems.isEmpty()) {
            int total = collector.problems.size();
            throw new InvalidInputException("PROXY_LOG_INVALID", total + " problem(s) in the " + format
                    + " log; nothing was imported." + (total > MAX_PROBLEMS ? " The first " + MAX_PROBLEMS + " are listed." : ""),
                    collector.problems.subList(0, Math.min(total, MAX_PROBLEMS)));
        }
        if (collector.lines == 0) {
            throw new InvalidInputException("EMPTY_REPORT", "The log has no requests; nothing was imported.", List.of());
        }
        return new Read(collector.lines, collector.requests, collector.other);
    }

    private void csv(String text, Collector collector) {
        // The project's CSV reader: header by name, line numbers, malformed CSV named by its line.
        CsvDocument document = CsvDocument.parse(text, List.of(), null);
        Map<String, String> columns = columns(document.columns());
        List<String> missing = new ArrayList<>();
        if (!columns.containsKey("time")) {
            missing.add("time");
        }
        if (!columns.containsKey("url") && !columns.containsKey("host")) {
            missing.add("url");
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException("PROXY_LOG_INVALID", "The header row names no " + String.join(" and no ",
                    missing) + " column; nothing was imported.", missing.stream().map(m -> Violation.ofLine(1, m,
                    "no column of the header row is " + String.join(", ", ALIASES.get(m)))).toList());
        }
        for (CsvRow row : document.rows()) {
            collector.csv(row, columns);
        }
    }

    /** Each known field's column name in this file (names as CsvDocument normalizes them). */
    private static Map<String, String> columns(List<String> header) {
        Map<String, String> columns = new java.util.HashMap<>();
        for (String name : header) {
            String bare = name.replaceAll("[_.]", "");
            ALIASES.forEach((field, aliases) -> {
                if (aliases.contains(bare)) {
                    columns.putIfAbsent(field, name);
                }
            });
        }
        return columns;
    }

    /** Reads the lines of one file. */
    private final class Collector {
        private final ProxyLogFormat format;
        private final List<ProxyRequest> requests = new ArrayList<>();
        private final List<Violation> problems = new ArrayList<>();
        private final Instant latest;
        private int lines;
        private int other;

        Collector(ProxyLogFormat format, Instant latest) {
            this.format = format;
            this.latest = latest;
        }

        private void count() {
            if (++lines > MAX_LINES) {
                throw new IngestionTooLarge("The log has more than " + MAX_LINES + " lines.");
            }
        }

        /** {@code time elapsed client code/status bytes method URL user hierarchy/peer type}. */
        void squid(int line, String text) {
            count();
            String[] f = text.trim().split("\\s+");
            if (f.length < 7) {
                problems.add(Violation.ofLine(line, null, "has " + f.length + " fields; Squid's native format has at "
                        + "least 7 (time elapsed client code/status bytes method URL)"));
                return;
            }
            int before = problems.size();
            Instant time = null;
            try {
                time = Instant.ofEpochMilli(Math.round(Double.parseDouble(f[0]) * 1000));
                if (!f[0].matches("\\d{1,12}(\\.\\d{1,6})?")) {
                    throw new NumberFormatException(f[0]);
                }
            } catch (NumberFormatException e) {
                problems.add(Violation.ofLine(line, "time", "must be seconds since 1970, like 1286536309.586"));
            }
            Long bytes = whole(line, "bytes", f[4]);
            String host = host(line, f[5], f[6]);
            String user = f.length > 7 && !f[7].equals("-") ? decode(f[7]) : null;
            boolean blocked = f[3].startsWith("TCP_DENIED") || f[3].endsWith("/403") || f[3].endsWith("/407");
            if (problems.size() == before) {
                keep(line, text, time, user, host, null, bytes, blocked);
            }
        }

        void csv(CsvRow row, Map<String, String> columns) {
            count();
            int line = row.line();
            int before = problems.size();
            Instant time = time(line, columns.get("time"), value(row, columns, "time"));
            String url = value(row, columns, "url");
            String host = value(row, columns, "host");
            if ((host == null || host.isBlank()) && url != null && !url.isBlank()) {
                host = host(line, null, url);
            }
            if ((host == null || host.isBlank()) && problems.size() == before) {
                problems.add(Violation.ofLine(line, columns.containsKey("host") ? columns.get("host") : columns.get("url"),
                        "is empty: the request's host or URL is needed"));
            }
            String user = value(row, columns, "user");
            Long upload = optionalWhole(line, columns.get("upload"), value(row, columns, "upload"));
            Long download = optionalWhole(line, columns.get("download"), value(row, columns, "download"));
            String action = value(row, columns, "action");
            boolean blocked = action != null && action.toLowerCase(Locale.ROOT).matches("block(ed)?|den(y|ied)|drop(ped)?");
            if (problems.size() == before) {
                keep(line, new java.util.TreeMap<>(row.values()).toString(), time, user == null || user.equals("-")
                        ? null : user, host, upload, download, blocked);
            }
        }

        private void keep(int line, String text, Instant time, String user, String host, Long upload, Long download,
                boolean blocked) {
            if (time.isAfter(latest)) {
                problems.add(Violation.ofLine(line, "time", "is in the future (" + time + ")"));
                return;
            }
            // Only a plain host name can be an AI service of the catalog (and be stored); anything else
            // (IPv6 literals, hosts with ports or stray characters) counts among the other requests.
            Optional<AiService> service = host.matches("[A-Za-z0-9._\\-]{1,253}") ? catalog.match(host)
                    : Optional.empty();
            if (service.isEmpty()) {
                other++;
                return;
            }
            if (user != null && user.length() > 320) {
                problems.add(Violation.ofLine(line, "user", "must be at most 320 characters"));
                return;
            }
            // NUL, unpaired surrogates and bidirectional overrides are refused as everywhere else
            // (PostgreSQL cannot even store a NUL).
            var userProblem = dev.pitwall.platform.web.TextPolicy.problem(user);
            if (userProblem.isPresent()) {
                problems.add(Violation.ofLine(line, "user", userProblem.get()));
                return;
            }
            requests.add(new ProxyRequest(line, fingerprint(format + "\n" + text), time, user,
                    host.toLowerCase(Locale.ROOT), service.get(), upload, download, blocked));
        }

        private String value(CsvRow row, Map<String, String> columns, String field) {
            String column = columns.get(field);
            return column == null ? null : row.get(column);
        }

        private Instant time(int line, String column, String text) {
            if (text == null || text.isBlank()) {
                problems.add(Violation.ofLine(line, column, "is required"));
                return null;
            }
            String t = text.trim();
            try {
                if (t.matches("\\d{9,10}(\\.\\d{1,6})?")) {
                    return Instant.ofEpochMilli(Math.round(Double.parseDouble(t) * 1000));
                }
                if (t.matches("\\d{12,13}")) {
                    return Instant.ofEpochMilli(Long.parseLong(t));
                }
                if (t.contains("T")) {
                    return t.endsWith("Z") || t.matches(".*[+-]\\d\\d:?\\d\\d$") ? OffsetDateTime.parse(t).toInstant()
                            : LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
                }
                if (Character.isLetter(t.charAt(0))) {
                    return LocalDateTime.parse(t.replaceAll("\\s+", " "), CTIME).toInstant(ZoneOffset.UTC);
                }
                return LocalDateTime.parse(t, SPACED).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException | NumberFormatException e) {
                problems.add(Violation.ofLine(line, column, "must be a time like 2026-11-30T09:15:00Z, "
                        + "2026-11-30 09:15:00 (UTC), Mon Nov 30 09:15:00 2026 or seconds since 1970"));
                return null;
            }
        }

        private String host(int line, String method, String url) {
            String u = url.trim();
            if ("CONNECT".equalsIgnoreCase(method) || !u.contains("://")) {
                // CONNECT host:port, or a bare host.
                String h = u.contains("/") ? u.substring(0, u.indexOf('/')) : u;
                h = h.contains(":") ? h.substring(0, h.lastIndexOf(':')) : h;
                if (h.matches("[A-Za-z0-9.\\-]{1,253}")) {
                    return h;
                }
            } else {
                try {
                    String h = URI.create(u.replace(" ", "%20")).getHost();
                    if (h != null && h.length() <= 253) {
                        return h;
                    }
                } catch (IllegalArgumentException e) {
                    // reported below
                }
            }
            problems.add(Violation.ofLine(line, "url", "has no host Pitwall can read"));
            return null;
        }

        private Long whole(int line, String field, String text) {
            try {
                long value = Long.parseLong(text.trim());
                if (value >= 0) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problems.add(Violation.ofLine(line, field, "must be a whole number, 0 or more"));
            return null;
        }

        private Long optionalWhole(int line, String field, String text) {
            return text == null || text.isBlank() || text.equals("-") ? null : whole(line, field, text);
        }
    }

    private static String decode(String user) {
        try {
            return java.net.URLDecoder.decode(user, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return user;
        }
    }

    static String fingerprint(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
