package dev.pitwall.platform.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the layout needs on every page: where we are, the navigation, the version. */
@ControllerAdvice(annotations = Controller.class)
class LayoutModelAdvice {

    private final String version;

    LayoutModelAdvice(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        this.version = properties == null ? "dev" : properties.getVersion();
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    @ModelAttribute("appVersion")
    String appVersion() {
        return version;
    }
}
