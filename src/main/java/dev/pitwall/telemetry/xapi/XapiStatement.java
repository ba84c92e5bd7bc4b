package dev.pitwall.telemetry.xapi;

import dev.pitwall.people.LearningStatus;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * What Pitwall reads from one xAPI statement.
 *
 * @param number its position in the request (1 = first)
 * @param id the statement id (generated when the statement had none)
 * @param contentHash digest of its content without the LRS-set properties, to tell a retry from a conflict
 * @param json the statement as stored (with its id)
 * @param verb the verb IRI
 * @param status the learning status the verb means, or {@code null} for other verbs
 * @param email the actor's email ({@code mbox}), or {@code null}
 * @param account the actor's account name ({@code account.name}), matched to external ids, or {@code null}
 * @param course the activity's name (or id)
 * @param score 0–100, or {@code null}
 * @param timestamp when it happened, or {@code null}
 * @param skill the skill named in the context extension, or {@code null}
 * @param workflow the workflow key named in the context extension, or {@code null}
 */
record XapiStatement(int number, String id, String contentHash, String json, String verb, LearningStatus status,
        String email, String account, String course, BigDecimal score, Instant timestamp, String skill,
        String workflow) {

    String actorRef() {
        return email != null ? "mailto:" + email : account;
    }
}
