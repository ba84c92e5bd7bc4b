package dev.pitwall.platform.web.internal;

import dev.pitwall.platform.web.GettingStarted;
import dev.pitwall.platform.web.HomeSection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The getting-started checklist at the top of Home, until every step is done. */
@Component
class GettingStartedSection implements HomeSection {

    private final List<GettingStarted> contributors;

    GettingStartedSection(List<GettingStarted> contributors) {
        this.contributors = contributors;
    }

    @Override
    public int order() {
        return -100;
    }

    @Override
    public String fragment() {
        return "platform/getting-started :: section";
    }

    @Override
    public Map<String, Object> model() {
        List<GettingStarted.Step> steps = contributors.stream().flatMap(c -> c.steps().stream())
                .sorted(Comparator.comparingInt(GettingStarted.Step::order)).toList();
        long done = steps.stream().filter(GettingStarted.Step::done).count();
        return Map.of("steps", steps, "done", done, "complete", done == steps.size());
    }
}
