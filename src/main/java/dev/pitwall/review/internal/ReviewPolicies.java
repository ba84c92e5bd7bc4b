package dev.pitwall.review.internal;

import static dev.pitwall.platform.jdbc.SqlValues.utc;

import dev.pitwall.review.ReviewPolicy;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Workflows' review policies. */
@Repository
public class ReviewPolicies {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    ReviewPolicies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ReviewPolicy> find(long workflowId) {
        return jdbc.sql("SELECT rules FROM review_policy WHERE workflow_id = :id").param("id", workflowId)
                .query(String.class).optional().map(rules -> JSON.readValue(rules, ReviewPolicy.class));
    }

    public void save(long workflowId, ReviewPolicy policy, String by, Instant now) {
        jdbc.sql("DELETE FROM review_policy WHERE workflow_id = :id").param("id", workflowId).update();
        jdbc.sql("INSERT INTO review_policy (workflow_id, rules, updated_at, updated_by) VALUES (:id, :rules, :now, :by)")
                .param("id", workflowId).param("rules", JSON.writeValueAsString(policy)).param("now", utc(now))
                .param("by", by).update();
    }
}
