package dev.pitwall.telemetry.ingest;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading OTLP attribute values ({@code AnyValue}) as the types usage events need. */
final class OtlpValues {

    private OtlpValues() {
    }

    /** Attributes by key; a later duplicate key wins, as in the SDKs. */
    static Map<String, AnyValue> map(List<KeyValue> attributes) {
        Map<String, AnyValue> map = new LinkedHashMap<>(attributes.size() * 2);
        for (KeyValue kv : attributes) {
            map.put(kv.getKey(), kv.getValue());
        }
        return map;
    }

    /** The value as text: strings as they are, numbers and booleans printed; {@code null} when absent or empty. */
    static String text(AnyValue value) {
        if (value == null) {
            return null;
        }
        String text = switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case INT_VALUE -> Long.toString(value.getIntValue());
            case DOUBLE_VALUE -> BigDecimal.valueOf(value.getDoubleValue()).stripTrailingZeros().toPlainString();
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            default -> null;
        };
        return text == null || text.isBlank() ? null : text.trim();
    }

    /**
     * A whole number: an int value, a double without fraction (some SDKs send counts as doubles), or
     * a string of digits (pipelines that stringify attributes, e.g. some exporters of agent frameworks).
     *
     * @throws IllegalArgumentException for anything else
     */
    static Long integer(AnyValue value) {
        if (value == null) {
            return null;
        }
        switch (value.getValueCase()) {
            case INT_VALUE:
                return value.getIntValue();
            case DOUBLE_VALUE:
                double d = value.getDoubleValue();
                if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 9.0e15) {
                    return (long) d;
                }
                throw new IllegalArgumentException("must be a whole number (was " + d + ")");
            case STRING_VALUE:
                try {
                    return Long.parseLong(value.getStringValue().trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("must be a whole number (was " + describe(value) + ")");
                }
            default:
                throw new IllegalArgumentException("must be an int value (was " + describe(value) + ")");
        }
    }

    /** A number (int or double). @throws IllegalArgumentException for anything else */
    static BigDecimal decimal(AnyValue value) {
        if (value == null) {
            return null;
        }
        return switch (value.getValueCase()) {
            case INT_VALUE -> BigDecimal.valueOf(value.getIntValue());
            case DOUBLE_VALUE -> {
                if (Double.isNaN(value.getDoubleValue()) || Double.isInfinite(value.getDoubleValue())) {
                    throw new IllegalArgumentException("must be a finite number");
                }
                yield BigDecimal.valueOf(value.getDoubleValue());
            }
            case STRING_VALUE -> {
                try {
                    yield new BigDecimal(value.getStringValue().trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("must be a number (was " + describe(value) + ")");
                }
            }
            default -> throw new IllegalArgumentException("must be a number (was " + describe(value) + ")");
        };
    }

    /** The value as plain Java (for the JSON of kept attributes). */
    static Object plain(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case INT_VALUE -> value.getIntValue();
            case DOUBLE_VALUE -> Double.isFinite(value.getDoubleValue()) ? value.getDoubleValue() : null;
            case BOOL_VALUE -> value.getBoolValue();
            case BYTES_VALUE -> java.util.Base64.getEncoder().encodeToString(value.getBytesValue().toByteArray());
            case ARRAY_VALUE -> {
                List<Object> list = new ArrayList<>();
                value.getArrayValue().getValuesList().forEach(v -> list.add(plain(v)));
                yield list;
            }
            case KVLIST_VALUE -> {
                Map<String, Object> map = new LinkedHashMap<>();
                value.getKvlistValue().getValuesList().forEach(kv -> map.put(kv.getKey(), plain(kv.getValue())));
                yield map;
            }
            default -> null;
        };
    }

    static String describe(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> "the string '" + abbreviate(value.getStringValue()) + "'";
            case BOOL_VALUE -> "a boolean";
            case ARRAY_VALUE -> "an array";
            case KVLIST_VALUE -> "a map";
            case BYTES_VALUE -> "bytes";
            case DOUBLE_VALUE -> "the double " + value.getDoubleValue();
            case INT_VALUE -> "the int " + value.getIntValue();
            default -> "empty";
        };
    }

    static String hex(ByteString bytes) {
        return HexFormat.of().formatHex(bytes.toByteArray());
    }

    static Instant instant(long unixNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(unixNanos, 1_000_000_000L), Math.floorMod(unixNanos, 1_000_000_000L));
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
