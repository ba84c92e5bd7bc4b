package dev.pitwall.platform.privacy;

import static dev.pitwall.platform.jdbc.SqlValues.utc;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stable pseudonyms of people such as {@code P-7KQM-2XWD}, from an HMAC-SHA256 of the person's id under a
 * secret key kept in the database. The same person always has the same pseudonym (so trends and
 * drill-downs still read), but without the key nobody can tell who it is, nor compute it from a
 * name or email.
 */
@Component
public class Pseudonyms {

    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile SecretKeySpec key;

    Pseudonyms(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public String of(long personId) {
        byte[] digest;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            digest = mac.doFinal(Long.toString(personId).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
        StringBuilder label = new StringBuilder("P-");
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                label.append('-');
            }
            label.append(ALPHABET[(digest[i] & 0xff) % ALPHABET.length]);
        }
        return label.toString();
    }

    /** Made at start-up, outside any read-only transaction a first pseudonym may be asked in. */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void ensureKey() {
        key();
    }

    private SecretKeySpec key() {
        SecretKeySpec current = key;
        if (current == null) {
            String secret = jdbc.sql("SELECT secret FROM platform_pseudonym_key WHERE id = 1").query(String.class)
                    .optional().orElseGet(this::create);
            current = new SecretKeySpec(Base64.getDecoder().decode(secret), "HmacSHA256");
            key = current;
        }
        return current;
    }

    /** Makes the key; when another node made it first, theirs is kept. */
    private String create() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        try {
            jdbc.sql("INSERT INTO platform_pseudonym_key (id, secret, created_at) VALUES (1, ?, ?)")
                    .params(Base64.getEncoder().encodeToString(secret), utc(clock.instant())).update();
        } catch (DuplicateKeyException madeElsewhere) {
            // Read below.
        }
        return jdbc.sql("SELECT secret FROM platform_pseudonym_key WHERE id = 1").query(String.class).single();
    }
}
