package dev.pitwall.governance;

import dev.pitwall.governance.internal.FrameworkCatalogs;
import dev.pitwall.platform.digest.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The framework catalogs: loaded from the CSVs shipped under {@code classpath:governance/frameworks/}
 * (see SOURCES.md there for their origin and rights). Loading is idempotent: a catalog whose file
 * is unchanged (same SHA-256) is left alone; a changed file replaces the catalog and raises its
 * version by one.
 */
@Service
public class FrameworkCatalogService {

    static final String LOCATION = "classpath:governance/frameworks/";
    static final String CROSSWALK = "CROSSWALK";
    static final String CROSSWALK_FILE = "crosswalk-nist-ai-rmf-to-iso-42001.csv";

    private static final Logger log = LoggerFactory.getLogger(FrameworkCatalogService.class);

    private final FrameworkCatalogs catalogs;
    private final ResourceLoader resources;
    private final Clock clock;

    FrameworkCatalogService(FrameworkCatalogs catalogs, ResourceLoader resources, Clock clock) {
        this.catalogs = catalogs;
        this.resources = resources;
        this.clock = clock;
    }

    /** Loads every catalog from {@code location} (a directory URL ending in '/'); returns those changed. */
    @Transactional
    public List<CatalogVersion> load(String location) {
        List<CatalogVersion> changed = new ArrayList<>();
        for (Framework framework : Framework.values()) {
            byte[] content = read(location + framework.file());
            loadIfChanged(framework.name(), content, text -> {
                List<FrameworkItem> items = parse(text, record -> item(framework, record));
                catalogs.replaceItems(framework, items);
                return items.size();
            }).ifPresent(changed::add);
        }
        byte[] crosswalk = read(location + CROSSWALK_FILE);
        loadIfChanged(CROSSWALK, crosswalk, text -> {
            List<CrosswalkEntry> entries = parse(text, FrameworkCatalogService::crosswalkEntry);
            catalogs.replaceCrosswalk(entries);
            return entries.size();
        }).ifPresent(changed::add);
        return changed;
    }

    /** Loads the catalogs shipped with Pitwall. */
    @Transactional
    public List<CatalogVersion> loadShipped() {
        return load(LOCATION);
    }

    @Transactional(readOnly = true)
    public List<CatalogVersion> versions() {
        return catalogs.versions();
    }

    @Transactional(readOnly = true)
    public List<FrameworkItem> items(Framework framework) {
        return catalogs.items(framework);
    }

    @Transactional(readOnly = true)
    public List<CrosswalkEntry> crosswalk() {
        return catalogs.crosswalk();
    }

    private java.util.Optional<CatalogVersion> loadIfChanged(String catalog, byte[] content, Function<String, Integer> replace) {
        CatalogVersion current = catalogs.lock(catalog).orElseThrow(
                () -> new IllegalStateException("no catalog row for " + catalog));
        String digest = Sha256.hex(content);
        if (digest.equals(current.digest())) {
            return java.util.Optional.empty();
        }
        int items = replace.apply(new String(content, StandardCharsets.UTF_8));
        catalogs.recordLoad(catalog, current.version() + 1, digest, items, clock.instant());
        log.info("Loaded the {} catalog, version {}: {} entries", catalog, current.version() + 1, items);
        return catalogs.versions().stream().filter(v -> v.catalog().equals(catalog)).findFirst();
    }

    private byte[] read(String location) {
        Resource resource = resources.getResource(location);
        try (InputStream in = resource.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the framework catalog " + location, e);
        }
    }

    private static <T> List<T> parse(String text, Function<CSVRecord, T> map) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text),
                format)) {
            List<T> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                rows.add(map.apply(record));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FrameworkItem item(Framework framework, CSVRecord r) {
        return switch (framework) {
            case NIST_AI_RMF -> new FrameworkItem(framework, r.get("subcategory_id"), "subcategory", r.get("category_id"),
                    r.get("category_title"), shortTitle(r.get("text")), r.get("text"), null, null);
            case NIST_AI_600_1 -> new FrameworkItem(framework, "GAI " + r.get("section"), "gai_risk", null, null,
                    r.get("risk_name"), r.get("description"), null, null);
            case ISO_42001 -> new FrameworkItem(framework, r.get("control_id"), "control", r.get("objective_group"),
                    r.get("objective_group_title"), r.get("title"), null, null, null);
            case EU_AI_ACT -> new FrameworkItem(framework, r.get("ref"), r.get("kind"), null, null, r.get("title"),
                    r.get("summary"), blankToNull(r.get("actor")), blankToNull(r.get("applies_from")));
        };
    }

    private static CrosswalkEntry crosswalkEntry(CSVRecord r) {
        return new CrosswalkEntry(r.get("nist_subcategory_id"), r.get("iso42001_ref_as_printed"),
                r.get("iso42001_ref_kind"), blankToNull(r.get("iso42001_annex_a_control")), r.get("iso42001_title"),
                blankToNull(r.get("note")));
    }

    /** The first sentence of a subcategory's text, at most 280 characters, for lists and headings. */
    static String shortTitle(String text) {
        int end = text.indexOf(". ");
        String first = end > 0 ? text.substring(0, end + 1) : text;
        return first.length() <= 280 ? first : first.substring(0, 279) + "…";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
