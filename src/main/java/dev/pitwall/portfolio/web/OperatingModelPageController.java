package dev.pitwall.portfolio.web;

import dev.pitwall.platform.security.Permission;
import dev.pitwall.platform.web.ProblemException;
import dev.pitwall.portfolio.OperatingModelService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operating model as code in the UI: download the YAML, upload or paste a file, see the
 * dry-run diff, then apply it.
 */
@Controller
class OperatingModelPageController {

    private final OperatingModelService model;

    OperatingModelPageController(OperatingModelService model) {
        this.model = model;
    }

    @GetMapping("/portfolio/operating-model")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    String page(@RequestParam(required = false) String workflow, Model page) {
        page.addAttribute("yaml", workflow == null ? "" : model.export(List.of(workflow)));
        page.addAttribute("workflow", workflow);
        return "portfolio/operating-model";
    }

    @GetMapping("/portfolio/operating-model/export")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    ResponseEntity<byte[]> download() {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/yaml"))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("operating-model.yaml").build().toString())
                .body(model.export(List.of()).getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/portfolio/operating-model")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    String apply(@RequestParam(required = false) String yaml, @RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "preview") String action, Model page, RedirectAttributes redirect)
            throws IOException {
        String text = file != null && !file.isEmpty() ? new String(file.getBytes(), StandardCharsets.UTF_8) : yaml;
        page.addAttribute("yaml", text == null ? "" : text);
        try {
            OperatingModelService.ApplyResult result = model.apply(text == null ? "" : text, !"apply".equals(action));
            if (!result.dryRun()) {
                redirect.addFlashAttribute("flashMessage", "Applied: " + result.created() + " created, " + result.updated()
                        + " updated, " + result.unchanged() + " unchanged.");
                return "redirect:/portfolio";
            }
            page.addAttribute("result", result);
        } catch (ProblemException e) {
            page.addAttribute("problem", e);
        }
        return "portfolio/operating-model";
    }
}
