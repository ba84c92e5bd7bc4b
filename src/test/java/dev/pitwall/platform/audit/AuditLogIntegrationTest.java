package dev.pitwall.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.pitwall.platform.security.SystemActor;
import dev.pitwall.platform.web.PageQuery;
import dev.pitwall.testing.PitwallIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

@PitwallIntegrationTest
class AuditLogIntegrationTest {

    @Autowired
    AuditLog auditLog;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    MockMvc mvc;
    @Autowired
    AuditCheckpointWriter checkpointWriter;
    @Autowired
    AuditCheckpoints checkpoints;

    private List<AuditEntry> appendThree(String entityId) {
        return transaction.execute(status -> SystemActor.runAs("tester", () -> auditLog.appendAll(List.of(
                AuditRecord.created("THING", entityId, Map.of("name", "first")),
                AuditRecord.updated("THING", entityId, Map.of("name", "first"), Map.of("name", "second")),
                AuditRecord.deleted("THING", entityId, Map.of("name", "second"))))));
    }

    /** Tampers inside a transaction that is rolled back, so the shared chain stays intact for other tests. */
    private void tamperedAndRolledBack(String sql, Object[] params, Consumer<AuditVerification> check) {
        transaction.executeWithoutResult(status -> {
            jdbc.sql(sql).params(params).update();
            check.accept(auditLog.verify());
            status.setRollbackOnly();
        });
    }

    @Test
    void appendsLinkedEntriesWithActorBeforeAndAfter() {
        List<AuditEntry> entries = appendThree(UUID.randomUUID().toString());
        assertThat(entries).hasSize(3);
        assertThat(entries.get(1).previousHash()).isEqualTo(entries.get(0).hash());
        assertThat(entries.get(2).previousHash()).isEqualTo(entries.get(1).hash());
        assertThat(entries.get(1).actor()).isEqualTo("tester");
        assertThat(entries.get(1).before()).isEqualTo("{\"name\":\"first\"}");
        assertThat(entries.get(1).after()).isEqualTo("{\"name\":\"second\"}");
        assertThat(entries.get(2).after()).isNull();
        assertThat(auditLog.verify().valid()).isTrue();
    }

    @Test
    void skipsUpdatesThatChangeNothing() {
        List<AuditEntry> entries = transaction.execute(status -> auditLog.appendAll(List.of(
                AuditRecord.updated("THING", "same", Map.of("a", 1), Map.of("a", 1)))));
        assertThat(entries).isEmpty();
    }

    @Test
    void refusesToAppendOutsideATransaction() {
        assertThatThrownBy(() -> auditLog.append(AuditRecord.created("THING", "x", Map.of())))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void verificationCatchesARowEditedWithPlainSql() {
        long sequence = appendThree(UUID.randomUUID().toString()).get(1).sequence();
        tamperedAndRolledBack("UPDATE platform_audit_entry SET after_state = ? WHERE sequence = ?",
                new Object[] {"{\"name\":\"forged\"}", sequence}, verification -> {
                    assertThat(verification.valid()).isFalse();
                    assertThat(verification.firstBroken().sequence()).isEqualTo(sequence);
                    assertThat(verification.firstBroken().problem()).isEqualTo(AuditVerification.Problem.ENTRY_ALTERED);
                });
        assertThat(auditLog.verify().valid()).isTrue();
    }

    @Test
    void verificationCatchesAForgedActor() {
        long sequence = appendThree(UUID.randomUUID().toString()).get(0).sequence();
        tamperedAndRolledBack("UPDATE platform_audit_entry SET actor = 'someone-else' WHERE sequence = ?",
                new Object[] {sequence}, verification -> assertThat(verification.firstBroken().sequence()).isEqualTo(sequence));
    }

    @Test
    void verificationCatchesARecomputedHashThatBreaksTheNextLink() {
        List<AuditEntry> entries = appendThree(UUID.randomUUID().toString());
        long first = entries.get(0).sequence();
        tamperedAndRolledBack("UPDATE platform_audit_entry SET previous_hash = ? WHERE sequence = ?",
                new Object[] {"f".repeat(64), entries.get(1).sequence()}, verification -> {
                    assertThat(verification.firstBroken().sequence()).isEqualTo(first + 1);
                    assertThat(verification.firstBroken().problem()).isEqualTo(AuditVerification.Problem.LINK_BROKEN);
                });
    }

    @Test
    void verificationCatchesADeletedEntry() {
        List<AuditEntry> entries = appendThree(UUID.randomUUID().toString());
        long middle = entries.get(1).sequence();
        tamperedAndRolledBack("DELETE FROM platform_audit_entry WHERE sequence = ?", new Object[] {middle},
                verification -> {
                    assertThat(verification.firstBroken().sequence()).isEqualTo(middle);
                    assertThat(verification.firstBroken().problem()).isEqualTo(AuditVerification.Problem.ENTRY_MISSING);
                });
    }

    @Test
    void verificationCatchesTruncatedTail() {
        long last = appendThree(UUID.randomUUID().toString()).get(2).sequence();
        tamperedAndRolledBack("DELETE FROM platform_audit_entry WHERE sequence = ?", new Object[] {last},
                verification -> assertThat(verification.firstBroken().problem())
                        .isEqualTo(AuditVerification.Problem.ENTRY_MISSING));
    }

    @Test
    void findsEntriesByEntityNewestFirst() {
        String id = UUID.randomUUID().toString();
        appendThree(id);
        var page = auditLog.find(new AuditQuery("THING", id, null, null, null, null), new PageQuery(0, 2));
        assertThat(page.totalElements()).isEqualTo(3);
        assertThat(page.content()).extracting(AuditEntry::action)
                .containsExactly(AuditAction.DELETE, AuditAction.UPDATE);
        assertThat(auditLog.find(new AuditQuery("THING", id, null, AuditAction.CREATE, null, null), new PageQuery(0, 10))
                .content()).hasSize(1);
    }

    @Test
    void apiListsAndVerifiesTheChain() throws Exception {
        String id = UUID.randomUUID().toString();
        appendThree(id);
        mvc.perform(get("/api/v1/audit").param("entityType", "THING").param("entityId", id)
                        .with(httpBasic("admin", "test-admin-password")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(3))
                .andExpect(jsonPath("$.content[0].action").value("DELETE"))
                .andExpect(jsonPath("$.content[1].after.name").value("second"));
        mvc.perform(get("/api/v1/audit/verification").with(httpBasic("admin", "test-admin-password")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true));
    }

    @Test
    void apiReportsTheFirstBrokenLinkOfATamperedChain() throws Exception {
        long sequence = appendThree(UUID.randomUUID().toString()).get(0).sequence();
        String original = jdbc.sql("SELECT actor FROM platform_audit_entry WHERE sequence = ?").param(sequence)
                .query(String.class).single();
        jdbc.sql("UPDATE platform_audit_entry SET actor = 'intruder' WHERE sequence = ?").param(sequence).update();
        try {
            mvc.perform(get("/api/v1/audit/verification").with(httpBasic("admin", "test-admin-password")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.valid").value(false))
                    .andExpect(jsonPath("$.firstBroken.sequence").value(sequence))
                    .andExpect(jsonPath("$.firstBroken.problem").value("ENTRY_ALTERED"));
        } finally {
            jdbc.sql("UPDATE platform_audit_entry SET actor = ? WHERE sequence = ?").params(original, sequence).update();
        }
    }

    @Test
    void verificationIsExactWhileOtherRequestsAppend() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.ExecutorService writers = java.util.concurrent.Executors.newFixedThreadPool(3);
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(3);
        try {
            for (int w = 0; w < 3; w++) {
                // Bounded: verification walks the whole chain, so writers that never stop would make
                // each of the 25 verifications longer than the one before on a slow machine.
                writers.submit(() -> {
                    for (int n = 0; n < 400 && writing.get(); n++) {
                        appendThree(UUID.randomUUID().toString());
                        started.countDown();
                    }
                    return null;
                });
            }
            assertThat(started.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            List<AuditVerification> results = new java.util.ArrayList<>();
            for (int i = 0; i < 25; i++) {
                results.add(auditLog.verify());
            }
            assertThat(results).allSatisfy(v -> assertThat(v.firstBroken()).as("%s", v).isNull());
            assertThat(results.get(24).lastSequence()).isGreaterThan(results.get(0).lastSequence());
        } finally {
            writing.set(false);
            writers.shutdown();
            assertThat(writers.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void checkpointsRevealNewestEntriesDeletedTogetherWithARewrittenHead() {
        List<AuditEntry> entries = appendThree(UUID.randomUUID().toString());
        assertThat(checkpointWriter.writeNow().sequence()).isEqualTo(entries.get(2).sequence());
        AuditEntry first = entries.get(0);
        transaction.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM platform_audit_entry WHERE sequence > ?").param(first.sequence()).update();
            jdbc.sql("UPDATE platform_audit_head SET last_sequence = ?, last_hash = ? WHERE id = 1")
                    .params(first.sequence(), first.hash()).update();
            AuditVerification verification = auditLog.verify();
            assertThat(verification.valid()).isFalse();
            assertThat(verification.firstBroken().problem()).isEqualTo(AuditVerification.Problem.CHAIN_TRUNCATED);
            assertThat(verification.firstBroken().sequence()).isEqualTo(entries.get(2).sequence());
            status.setRollbackOnly();
        });
        assertThat(auditLog.verify().valid()).isTrue();
    }

    @Test
    void checkpointsRevealAChainRewrittenWithConsistentHashes() {
        List<AuditEntry> entries = appendThree(UUID.randomUUID().toString());
        checkpointWriter.writeNow();
        AuditEntry last = entries.get(2);
        String forged = dev.pitwall.platform.audit.internal.AuditHasher.hash(last.sequence(), last.occurredAt(),
                "intruder", last.entityType(), last.entityId(), last.action(), last.before(), last.after(),
                last.previousHash());
        transaction.executeWithoutResult(status -> {
            jdbc.sql("UPDATE platform_audit_entry SET actor = 'intruder', hash = ? WHERE sequence = ?")
                    .params(forged, last.sequence()).update();
            jdbc.sql("UPDATE platform_audit_head SET last_hash = ? WHERE id = 1").param(forged).update();
            AuditVerification verification = auditLog.verify();
            assertThat(verification.firstBroken().problem()).isEqualTo(AuditVerification.Problem.CHECKPOINT_MISMATCH);
            assertThat(verification.firstBroken().sequence()).isEqualTo(last.sequence());
            status.setRollbackOnly();
        });
    }

    @Test
    void anAlteredCheckpointFileIsReported() throws Exception {
        appendThree(UUID.randomUUID().toString());
        AuditCheckpoint checkpoint = checkpointWriter.writeNow();
        java.nio.file.Path file = checkpoints.file();
        String original = java.nio.file.Files.readString(file);
        try {
            java.nio.file.Files.writeString(file, original.replace(checkpoint.hash(), "0".repeat(64)));
            AuditVerification verification = auditLog.verify();
            assertThat(verification.firstBroken().problem()).isEqualTo(AuditVerification.Problem.CHECKPOINT_INVALID);
        } finally {
            java.nio.file.Files.writeString(file, original);
        }
        AuditVerification intact = auditLog.verify();
        assertThat(intact.valid()).isTrue();
        assertThat(intact.checkpointsChecked()).isPositive();
    }
}
