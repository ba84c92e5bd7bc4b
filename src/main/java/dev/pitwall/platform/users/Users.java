package dev.pitwall.platform.users;

import static dev.pitwall.platform.jdbc.SqlValues.instant;
import static dev.pitwall.platform.jdbc.SqlValues.utc;

import dev.pitwall.platform.security.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The users table. */
@Repository
public class Users {

    /** A user with the hash of their password, for authentication only. */
    public record Credentials(User user, String passwordHash) {
    }

    private final JdbcClient jdbc;

    Users(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM platform_user").query(Long.class).single();
    }

    public List<User> findAll() {
        return jdbc.sql("SELECT * FROM platform_user ORDER BY username").query(Users::map).list();
    }

    public Optional<User> findById(long id) {
        return jdbc.sql("SELECT * FROM platform_user WHERE id = ?").param(id).query(Users::map).optional();
    }

    public Optional<Credentials> findCredentials(String username) {
        return jdbc.sql("SELECT * FROM platform_user WHERE LOWER(username) = LOWER(?)")
                .param(username)
                .query((rs, n) -> new Credentials(map(rs, n), rs.getString("password_hash")))
                .optional();
    }

    public boolean existsByUsername(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM platform_user WHERE LOWER(username) = LOWER(?)")
                .param(username).query(Long.class).single() > 0;
    }

    public long insert(NewUser user, String passwordHash, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO platform_user (username, display_name, email, password_hash, role, enabled, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, TRUE, ?, ?)
                """)
                .params(user.username(), user.displayName(), user.email(), passwordHash, user.role().name(), utc(now),
                        utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Inserts a user who signs in with an identity provider: no password. */
    public long insertWithoutPassword(NewUser user, Instant now) {
        return insert(user, null, now);
    }

    public Optional<User> findByIdentity(String issuer, String subject) {
        return jdbc.sql("""
                SELECT u.* FROM platform_user u JOIN platform_user_identity i ON i.user_id = u.id
                WHERE i.issuer = ? AND i.subject = ?
                """).params(issuer, subject).query(Users::map).optional();
    }

    /** The user with this email when exactly one has it (an ambiguous email links no one). */
    public Optional<User> findOnlyByEmail(String email) {
        List<User> found = jdbc.sql("SELECT * FROM platform_user WHERE LOWER(email) = LOWER(?) ORDER BY id LIMIT 2")
                .param(email).query(Users::map).list();
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    public List<User> findAllByEmail(String email) {
        return jdbc.sql("SELECT * FROM platform_user WHERE LOWER(email) = LOWER(?) ORDER BY id").param(email)
                .query(Users::map).list();
    }

    public long insertIdentity(long userId, String issuer, String subject, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO platform_user_identity (user_id, issuer, subject, created_at, last_sign_in_at)
                VALUES (?, ?, ?, ?, ?)
                """).params(userId, issuer, subject, utc(now), utc(now)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public void touchIdentity(String issuer, String subject, Instant now) {
        jdbc.sql("UPDATE platform_user_identity SET last_sign_in_at = ? WHERE issuer = ? AND subject = ?")
                .params(utc(now), issuer, subject).update();
    }

    /** The users linked to an identity at a provider. */
    public java.util.Set<Long> idsWithIdentity() {
        return new java.util.HashSet<>(jdbc.sql("SELECT DISTINCT user_id FROM platform_user_identity")
                .query(Long.class).list());
    }

    /** The issuers a user signs in with, for the administrators' list. */
    public List<String> issuersOf(long userId) {
        return jdbc.sql("SELECT DISTINCT issuer FROM platform_user_identity WHERE user_id = ? ORDER BY issuer")
                .param(userId).query(String.class).list();
    }

    public void update(long id, UserUpdate update, Instant now) {
        jdbc.sql("UPDATE platform_user SET display_name = ?, email = ?, role = ?, enabled = ?, updated_at = ? WHERE id = ?")
                .params(update.displayName(), update.email(), update.role().name(), update.enabled(), utc(now), id)
                .update();
    }

    public void updatePassword(long id, String passwordHash, Instant now) {
        jdbc.sql("UPDATE platform_user SET password_hash = ?, updated_at = ? WHERE id = ?")
                .params(passwordHash, utc(now), id)
                .update();
    }

    public long countEnabledAdmins() {
        return jdbc.sql("SELECT COUNT(*) FROM platform_user WHERE role = 'ADMIN' AND enabled = TRUE")
                .query(Long.class).single();
    }

    static User map(ResultSet rs, int row) throws SQLException {
        return new User(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("email"), Role.valueOf(rs.getString("role")), rs.getBoolean("enabled"),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }
}
