package dev.pitwall.platform.tokens;

import static dev.pitwall.platform.jdbc.SqlValues.instant;
import static dev.pitwall.platform.jdbc.SqlValues.utc;

import dev.pitwall.platform.security.ApiScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The API tokens table; tokens are found by the SHA-256 of their secret. */
@Repository
class ApiTokens {

    private final JdbcClient jdbc;

    ApiTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long userId, String name, String hash, String prefix, Set<ApiScope> scopes, Instant createdAt,
            Instant expiresAt) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO platform_api_token (user_id, name, token_hash, token_prefix, scopes, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
                .params(userId, name, hash, prefix, join(scopes), utc(createdAt), utc(expiresAt))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<ApiToken> findById(long id) {
        return jdbc.sql("SELECT * FROM platform_api_token WHERE id = ?").param(id).query(ApiTokens::map).optional();
    }

    Optional<ApiToken> findByHash(String hash) {
        return jdbc.sql("SELECT * FROM platform_api_token WHERE token_hash = ?").param(hash)
                .query(ApiTokens::map).optional();
    }

    List<ApiToken> findByUser(long userId) {
        return jdbc.sql("SELECT * FROM platform_api_token WHERE user_id = ? ORDER BY created_at DESC, id DESC")
                .param(userId).query(ApiTokens::map).list();
    }

    void revoke(long id, Instant at) {
        jdbc.sql("UPDATE platform_api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
                .params(utc(at), id).update();
    }

    /** Records use unless it was already recorded after {@code staleBefore}. */
    void touch(long id, Instant at, Instant staleBefore) {
        jdbc.sql("UPDATE platform_api_token SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)")
                .params(utc(at), id, utc(staleBefore)).update();
    }

    private static String join(Set<ApiScope> scopes) {
        return scopes.stream().map(ApiScope::value).sorted().collect(Collectors.joining(","));
    }

    private static ApiToken map(ResultSet rs, int row) throws SQLException {
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        Arrays.stream(rs.getString("scopes").split(",")).map(ApiScope::parse).flatMap(Optional::stream)
                .forEach(scopes::add);
        return new ApiToken(rs.getLong("id"), rs.getLong("user_id"), rs.getString("name"), rs.getString("token_prefix"),
                scopes, instant(rs, "created_at"), instant(rs, "expires_at"), instant(rs, "revoked_at"),
                instant(rs, "last_used_at"));
    }
}
