package dev.pitwall.governance.internal;

import dev.pitwall.governance.FrameworkCatalogService;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Loads the shipped framework catalogs at every start, before the demo organization is built. */
@Component
@Order(5)
class CatalogLoader implements ApplicationRunner {

    private final FrameworkCatalogService catalogs;

    CatalogLoader(FrameworkCatalogService catalogs) {
        this.catalogs = catalogs;
    }

    @Override
    public void run(ApplicationArguments args) {
        catalogs.loadShipped();
    }
}
