package dev.pitwall.platform.organization;

import static dev.pitwall.platform.jdbc.SqlValues.utc;

import dev.pitwall.platform.audit.AuditLog;
import dev.pitwall.platform.audit.AuditRecord;
import dev.pitwall.platform.web.InputValidator;
import dev.pitwall.platform.web.InvalidInputException;
import java.time.Clock;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organization's settings. Changing the currency does not convert any amount: it says in which
 * currency the amounts were and will be entered (budget lines, values per unit).
 */
@Service
public class OrganizationService {

    static final String ENTITY = "ORGANIZATION";

    private final JdbcClient jdbc;
    private final AuditLog auditLog;
    private final InputValidator validator;
    private final Clock clock;
    /**
     * The settings, read once: every page and every scorecard reads the currency. Pitwall runs as one
     * process, and {@link #update} is the only writer, so it replaces the copy after its commit.
     */
    private final java.util.concurrent.atomic.AtomicReference<Organization> current =
            new java.util.concurrent.atomic.AtomicReference<>();

    OrganizationService(JdbcClient jdbc, AuditLog auditLog, InputValidator validator, Clock clock) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.validator = validator;
        this.clock = clock;
    }

    public Organization get() {
        Organization known = current.get();
        if (known == null) {
            known = read();
            current.set(known);
        }
        return known;
    }

    private Organization read() {
        return jdbc.sql("SELECT name, currency FROM platform_organization WHERE id = 1")
                .query((rs, n) -> new Organization(rs.getString(1), rs.getString(2).trim())).single();
    }

    /** The ISO 4217 code of money figures, e.g. {@code EUR}. */
    public String currency() {
        return get().currency();
    }

    @Transactional
    public Organization update(OrganizationUpdate update) {
        validator.validate(update);
        String code = update.currency().trim().toUpperCase(Locale.ROOT);
        try {
            Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.ofField("currency", "'" + code + "' is not an ISO 4217 currency code");
        }
        Organization before = read();
        jdbc.sql("UPDATE platform_organization SET name = ?, currency = ?, updated_at = ? WHERE id = 1")
                .params(update.name().trim(), code, utc(clock.instant())).update();
        Organization after = read();
        auditLog.append(AuditRecord.updated(ENTITY, 1, before, after));
        current.set(null);
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        current.set(null);
                    }
                });
        return after;
    }

    /** Every ISO 4217 currency, by code, with its English name (for the settings form). */
    public List<Currency> currencies() {
        return Currency.getAvailableCurrencies().stream().sorted(Comparator.comparing(Currency::getCurrencyCode)).toList();
    }
}
