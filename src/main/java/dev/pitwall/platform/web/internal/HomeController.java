package dev.pitwall.platform.web.internal;

import dev.pitwall.platform.web.Capability;
import dev.pitwall.platform.web.HomeSection;
import java.util.Comparator;
import java.util.List;
import dev.pitwall.platform.identity.IdentityProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    private final List<HomeSection> sections;
    private final boolean demo;
    private final List<IdentityProvider> identityProviders;
    private final boolean localSignIn;

    HomeController(List<HomeSection> sections, Environment environment,
            ObjectProvider<ClientRegistrationRepository> registrations, IdentityProperties identity) {
        this.sections = sections.stream().sorted(Comparator.comparingInt(HomeSection::order)).toList();
        this.demo = environment.acceptsProfiles(Profiles.of("demo"));
        this.identityProviders = identityProviders(registrations.getIfAvailable());
        this.localSignIn = identity.localSignIn();
    }

    /** A provider people can sign in with: the link that starts it and the name shown. */
    record IdentityProvider(String registrationId, String name) {
    }

    private static List<IdentityProvider> identityProviders(ClientRegistrationRepository registrations) {
        List<IdentityProvider> providers = new java.util.ArrayList<>();
        if (registrations instanceof Iterable<?> all) {
            for (Object registration : all) {
                if (registration instanceof ClientRegistration client) {
                    providers.add(new IdentityProvider(client.getRegistrationId(), client.getClientName()));
                }
            }
        }
        return List.copyOf(providers);
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
        model.addAttribute("identityProviders", identityProviders);
        model.addAttribute("localSignIn", localSignIn);
        return "platform/login";
    }
}
