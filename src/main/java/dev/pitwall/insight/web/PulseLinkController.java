package dev.pitwall.insight.web;

import dev.pitwall.insight.PulseService;
import dev.pitwall.platform.web.ProblemException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A pulse's one-time link, answered without signing in: the token in the address is the secret. The
 * page shows neither the invitee's name nor anything of the organization beyond the pulse.
 */
@Controller
class PulseLinkController {

    private final PulseService pulses;

    PulseLinkController(PulseService pulses) {
        this.pulses = pulses;
    }

    @GetMapping("/pulse/{token}")
    String form(@PathVariable String token, Model model, HttpServletResponse response) {
        try {
            var invitation = pulses.invitation(token);
            model.addAttribute("pulse", invitation.pulse());
            model.addAttribute("questions", invitation.questions());
            model.addAttribute("values", Map.of());
            model.addAttribute("token", token);
            return "insight/pulse-link";
        } catch (ProblemException e) {
            return unusable(e, model, response);
        }
    }

    @PostMapping("/pulse/{token}")
    String answer(@PathVariable String token, @RequestParam Map<String, String> params, Model model,
            HttpServletResponse response) {
        Map<String, String> values = PulseAnswers.fields(params);
        try {
            pulses.answerByLink(token, values);
            model.addAttribute("answered", true);
            return "insight/pulse-link";
        } catch (ProblemException e) {
            if (e.status().value() == 400) {
                var invitation = pulses.invitation(token);
                response.setStatus(400);
                model.addAttribute("pulse", invitation.pulse());
                model.addAttribute("questions", invitation.questions());
                model.addAttribute("values", values);
                model.addAttribute("problem", e);
                model.addAttribute("token", token);
                return "insight/pulse-link";
            }
            return unusable(e, model, response);
        }
    }

    private static String unusable(ProblemException e, Model model, HttpServletResponse response) {
        response.setStatus(e.status().value());
        model.addAttribute("unusable", e.getMessage());
        return "insight/pulse-link";
    }
}
