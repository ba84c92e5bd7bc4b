package dev.pitwall.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The hostile-input corpus: for a valid JSON body, every leaf replaced in turn by values a careless
 * client or an attacker sends (unpaired surrogates, NUL, bidi overrides, huge and impossible
 * numbers and dates, wrong types, null), plus whole-body attacks (deep nesting, broken JSON,
 * duplicate keys). Each case knows whether it must be refused and which field the refusal names.
 */
public final class HostileInput {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MARK = "@@HOSTILE@@";
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T.*");

    private HostileInput() {
    }

    /**
     * One hostile body.
     *
     * @param name what it tries, for the test's display name
     * @param body the raw body
     * @param field the field a refusal must name ({@code null}: a refusal of the whole body)
     * @param mustRefuse whether a 2xx is a failure (the value can never be acceptable)
     */
    public record Case(String name, String body, String field, boolean mustRefuse) {
    }

    /** A value for a leaf: raw JSON, whether it must be refused. */
    private record Value(String label, String json, boolean mustRefuse) {
    }

    private static final List<Value> TEXT = List.of(
            new Value("unpaired surrogate", "\"a\\ud800b\"", true),
            new Value("NUL", "\"a\\u0000b\"", true),
            new Value("right-to-left override", "\"a\\u202eb\"", true),
            new Value("100k characters", "\"" + "x".repeat(100_000) + "\"", false),
            new Value("markup", "\"<img src=x onerror=alert(1)>\"", false),
            new Value("number instead of text", "12", false),
            new Value("object instead of text", "{}", false),
            new Value("null", "null", false));
    private static final List<Value> NUMBER = List.of(
            new Value("1e400", "1e400", false),
            new Value("-1e400", "-1e400", false),
            new Value("2^70", "1180591620717411303424", false),
            new Value("negative", "-1", false),
            new Value("fraction", "0.5", false),
            new Value("NaN token", "NaN", true),
            new Value("text instead of number", "\"x\"", true),
            new Value("101 digits", "1" + "0".repeat(100), false),
            new Value("null", "null", false));
    private static final List<Value> BOOLEAN = List.of(
            new Value("text instead of boolean", "\"maybe\"", false),
            new Value("number instead of boolean", "2", false),
            new Value("null", "null", false));
    private static final List<Value> DATE_VALUES = List.of(
            new Value("month 13", "\"2026-13-45\"", true),
            new Value("year -999999999", "\"-999999999-01-01\"", true),
            new Value("year +999999999", "\"+999999999-12-31\"", true),
            new Value("not a date", "\"yesterday\"", true),
            new Value("null", "null", false));
    private static final List<Value> TIME_VALUES = List.of(
            new Value("month 13", "\"2026-13-45T00:00:00Z\"", true),
            new Value("year -999999999", "\"-999999999-01-01T00:00:00Z\"", true),
            new Value("not a time", "\"soon\"", true),
            new Value("null", "null", false));

    /** Every leaf of {@code base} replaced in turn by each hostile value of its kind. */
    public static List<Case> leaves(String base) {
        JsonNode root = JSON.readTree(base);
        List<Case> cases = new ArrayList<>();
        collect(root, "", root, cases);
        return cases;
    }

    private static void collect(JsonNode node, String path, JsonNode root, List<Case> cases) {
        collect(node, path, List.of(), root, cases);
    }

    /** {@code parts} are the steps to the node (keys may hold dots, as SCIM's schema URNs do). */
    private static void collect(JsonNode node, String path, List<String> parts, JsonNode root, List<Case> cases) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                collect(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(),
                        append(parts, field.getKey()), root, cases);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "[" + i + "]", append(parts, "[" + i + "]"), root, cases);
            }
        } else {
            List<Value> values = node.isNumber() ? NUMBER : node.isBoolean() ? BOOLEAN
                    : node.isString() && TIME.matcher(node.asString()).matches() ? TIME_VALUES
                    : node.isString() && DATE.matcher(node.asString()).matches() ? DATE_VALUES : TEXT;
            for (Value value : values) {
                cases.add(new Case(path + " = " + value.label(), replace(root, parts, value.json()), path,
                        value.mustRefuse()));
            }
        }
    }

    private static List<String> append(List<String> parts, String part) {
        List<String> longer = new ArrayList<>(parts);
        longer.add(part);
        return longer;
    }

    /** The body with the leaf at {@code path} replaced by raw JSON. */
    static String replace(JsonNode root, String path, String rawJson) {
        String[] segments = path.replace("[", ".[").split("\\.");
        List<String> parts = new ArrayList<>();
        for (String s : segments) {
            if (!s.isEmpty()) {
                parts.add(s);
            }
        }
        return replace(root, parts, rawJson);
    }

    private static String replace(JsonNode root, List<String> parts, String rawJson) {
        JsonNode copy = root.deepCopy();
        JsonNode parent = copy;
        for (int i = 0; i < parts.size() - 1; i++) {
            parent = step(parent, parts.get(i));
        }
        String last = parts.get(parts.size() - 1);
        if (last.startsWith("[")) {
            ((ArrayNode) parent).set(Integer.parseInt(last.substring(1, last.length() - 1)), MARK);
        } else {
            ((ObjectNode) parent).put(last, MARK);
        }
        return JSON.writeValueAsString(copy).replace("\"" + MARK + "\"", rawJson);
    }

    private static JsonNode step(JsonNode node, String part) {
        return part.startsWith("[") ? node.get(Integer.parseInt(part.substring(1, part.length() - 1))) : node.get(part);
    }

    /** Whole-body attacks on an endpoint that takes a JSON object. */
    public static List<Case> bodies(String base) {
        String firstKey = JSON.readTree(base).isObject() && JSON.readTree(base).properties().iterator().hasNext()
                ? JSON.readTree(base).properties().iterator().next().getKey() : "x";
        return List.of(
                new Case("nested 10,000 arrays deep", "[".repeat(10_000) + "]".repeat(10_000), null, true),
                new Case("nested 3,000 objects deep", "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000), null, true),
                new Case("cut off", base.substring(0, base.length() / 2), null, true),
                new Case("empty", "", null, true),
                new Case("null", "null", null, true),
                new Case("a string", "\"x\"", null, true),
                new Case("not JSON", "<xml/>", null, true),
                new Case("duplicate key", base.replaceFirst("\\{", "{\"" + firstKey + "\":null,"), firstKey, false),
                new Case("5 MB", "{\"pad\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}", null, true));
    }

    /**
     * The query for a fingerprint of everything stored: the row count of every table but the
     * ignored ones (the audit log is a table too, so any audited change shows).
     */
    public static String stateQuery(JdbcClient jdbc, List<String> ignoredTables) {
        List<String> tables = jdbc.sql("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = 'public' AND table_type IN ('BASE TABLE', 'TABLE')
                ORDER BY table_name""").query(String.class).list().stream()
                .map(t -> t.toLowerCase(java.util.Locale.ROOT))
                .filter(t -> ignoredTables.stream().noneMatch(t::contains)).toList();
        return String.join(" UNION ALL ", tables.stream()
                .map(t -> "SELECT '" + t + "' AS t, COUNT(*) AS n FROM " + t).toList());
    }

    /** The fingerprint the query of {@link #stateQuery} reads. */
    public static Map<String, Long> state(JdbcClient jdbc, String stateQuery) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        jdbc.sql(stateQuery).query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    /** A refusal names the field (or a field below it), or, for a whole-body case, anything at all. */
    public static void assertNames(String field, List<String> named, String response) {
        if (field == null) {
            return;
        }
        String bare = field.replaceAll("\\[\\d+]", "");
        assertThat(named).as("the fields a refusal of %s names, in %s", field, response)
                .anySatisfy(n -> assertThat(n == null ? "" : n.replaceAll("\\[\\d+]", ""))
                        .satisfiesAnyOf(x -> assertThat(x).isEqualTo(bare), x -> assertThat(x).startsWith(bare + "."),
                                x -> assertThat(bare).endsWith("." + x), x -> assertThat(bare).startsWith(x + ".")));
    }
}
