package dev.pitwall.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.platform.audit.internal.AuditHasher;
import dev.pitwall.platform.audit.internal.CanonicalJson;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditHasherTest {

    private static final Instant AT = Instant.parse("2026-11-25T10:15:30.123Z");

    private static String hash(String actor, String after, String previous) {
        return AuditHasher.hash(7, AT, actor, "PERSON", "42", AuditAction.UPDATE, "{\"a\":1}", after, previous);
    }

    @Test
    void theSameEntryAlwaysHasTheSameHash() {
        assertThat(hash("alice", "{\"a\":2}", AuditHasher.GENESIS)).isEqualTo(hash("alice", "{\"a\":2}", AuditHasher.GENESIS))
                .hasSize(64).matches("[0-9a-f]{64}");
    }

    @Test
    void changingAnyFieldOrThePreviousHashChangesTheHash() {
        String original = hash("alice", "{\"a\":2}", AuditHasher.GENESIS);
        assertThat(hash("mallory", "{\"a\":2}", AuditHasher.GENESIS)).isNotEqualTo(original);
        assertThat(hash("alice", "{\"a\":3}", AuditHasher.GENESIS)).isNotEqualTo(original);
        assertThat(hash("alice", "{\"a\":2}", "1".repeat(64))).isNotEqualTo(original);
    }

    @Test
    void canonicalJsonSortsKeysAtEveryDepth() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", 1);
        inner.put("b", List.of(3, 2));
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("y", inner);
        outer.put("a", null);
        assertThat(CanonicalJson.write(outer)).isEqualTo("{\"a\":null,\"y\":{\"b\":[3,2],\"z\":1}}");
    }

    @Test
    void canonicalJsonOfARecordSortsItsComponents() {
        record Sample(String zeta, int alpha) {
        }
        assertThat(CanonicalJson.write(new Sample("z", 1))).isEqualTo("{\"alpha\":1,\"zeta\":\"z\"}");
        assertThat(CanonicalJson.write(null)).isNull();
    }
}
