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
import org.springframework.web.bind.annotation.PathVariable;

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

    /** The page of a capability that is not built yet says so instead of showing empty figures. */
    @GetMapping("/{name:insight}")
    String planned(@PathVariable String name, Model model) {
        Capability capability = Capability.ALL.stream().filter(c -> c.path().equals("/" + name)).findFirst()
                .orElseThrow();
        model.addAttribute("capability", capability);
        return "platform/planned";
    }
}
