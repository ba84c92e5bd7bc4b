package dev.pitwall.platform.web.internal;

import dev.pitwall.platform.web.Capability;
import dev.pitwall.platform.web.HomeSection;
import java.util.Comparator;
import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    private final List<HomeSection> sections;
    private final boolean demo;

    HomeController(List<HomeSection> sections, Environment environment) {
        this.sections = sections.stream().sorted(Comparator.comparingInt(HomeSection::order)).toList();
        this.demo = environment.acceptsProfiles(Profiles.of("demo"));
    }

    /** A home section rendered for this request. */
    record RenderedSection(String fragment, java.util.Map<String, Object> model) {
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("sections", sections.stream().map(s -> new RenderedSection(s.fragment(), s.model())).toList());
        model.addAttribute("capabilities", Capability.ALL);
        return "platform/home";
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("demo", demo);
        return "platform/login";
    }
}
