package dev.pitwall.platform.web.internal;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Links to another page of the current list, keeping its filters; used as {@code @pageLinks} in templates. */
@Component("pageLinks")
class PageLinks {

    public String to(int page) {
        return ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("page", Math.max(page, 0))
                .build()
                .toUriString();
    }
}
