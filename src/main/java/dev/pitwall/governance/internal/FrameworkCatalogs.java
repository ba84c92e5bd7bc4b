package dev.pitwall.governance.internal;

import static dev.pitwall.platform.jdbc.SqlValues.instant;
import static dev.pitwall.platform.jdbc.SqlValues.utc;

import dev.pitwall.governance.CatalogVersion;
import dev.pitwall.governance.CrosswalkEntry;
import dev.pitwall.governance.Framework;
import dev.pitwall.governance.FrameworkItem;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The framework catalogs and the crosswalk, as last loaded. */
@Repository
public class FrameworkCatalogs {

    private final JdbcClient jdbc;

    FrameworkCatalogs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the catalog's row for the rest of the transaction (nodes starting together load once). */
    public Optional<CatalogVersion> lock(String catalog) {
        return jdbc.sql("SELECT * FROM governance_catalog WHERE framework = ? FOR UPDATE").param(catalog)
                .query((rs, n) -> version(rs)).optional();
    }

    public List<CatalogVersion> versions() {
        return jdbc.sql("SELECT * FROM governance_catalog ORDER BY framework").query((rs, n) -> version(rs)).list();
    }

    public void replaceItems(Framework framework, List<FrameworkItem> items) {
        jdbc.sql("DELETE FROM governance_framework_item WHERE framework = ?").param(framework.name()).update();
        int position = 0;
        for (FrameworkItem item : items) {
            jdbc.sql("""
                    INSERT INTO governance_framework_item (framework, ref, kind, group_ref, group_title, title, text,
                        actor, applies_from, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """).params(framework.name(), item.ref(), item.kind(), item.groupRef(), item.groupTitle(),
                    item.title(), item.text(), item.actor(), item.appliesFrom(), position++).update();
        }
    }

    public void replaceCrosswalk(List<CrosswalkEntry> entries) {
        jdbc.sql("DELETE FROM governance_crosswalk").update();
        for (CrosswalkEntry e : entries) {
            jdbc.sql("""
                    INSERT INTO governance_crosswalk (nist_ref, iso_ref, iso_kind, iso_control, iso_title, note)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """).params(e.nistRef(), e.isoRef(), e.isoKind(), e.isoControl(), e.isoTitle(), e.note()).update();
        }
    }

    public void recordLoad(String catalog, int version, String digest, int items, Instant now) {
        jdbc.sql("UPDATE governance_catalog SET version = ?, digest = ?, item_count = ?, loaded_at = ? WHERE framework = ?")
                .params(version, digest, items, utc(now), catalog).update();
    }

    public List<FrameworkItem> items(Framework framework) {
        return jdbc.sql("SELECT * FROM governance_framework_item WHERE framework = ? ORDER BY position")
                .param(framework.name())
                .query((rs, n) -> new FrameworkItem(Framework.valueOf(rs.getString("framework")), rs.getString("ref"),
                        rs.getString("kind"), rs.getString("group_ref"), rs.getString("group_title"),
                        rs.getString("title"), rs.getString("text"), rs.getString("actor"),
                        rs.getString("applies_from")))
                .list();
    }

    public List<CrosswalkEntry> crosswalk() {
        return jdbc.sql("SELECT * FROM governance_crosswalk ORDER BY nist_ref, iso_ref")
                .query((rs, n) -> new CrosswalkEntry(rs.getString("nist_ref"), rs.getString("iso_ref"),
                        rs.getString("iso_kind"), rs.getString("iso_control"), rs.getString("iso_title"),
                        rs.getString("note")))
                .list();
    }

    private static CatalogVersion version(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new CatalogVersion(rs.getString("framework"), rs.getString("title"), rs.getInt("version"),
                rs.getString("digest"), rs.getInt("item_count"), instant(rs, "loaded_at"));
    }
}
