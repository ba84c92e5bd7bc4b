package dev.pitwall.people.web;

import dev.pitwall.platform.web.LargeBodyPaths;
import java.util.List;
import org.springframework.stereotype.Component;

/** The CSV imports read their bodies themselves, up to {@code pitwall.people.import-max-size}. */
@Component
class ImportBodyPaths implements LargeBodyPaths {

    @Override
    public List<String> patterns() {
        return List.of("/api/v1/people/import", "/api/v1/skill-assessments/import", "/api/v1/learning-records/import");
    }
}
