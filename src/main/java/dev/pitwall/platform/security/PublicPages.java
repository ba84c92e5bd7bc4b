package dev.pitwall.platform.security;

import java.util.List;

/**
 * Pages a module serves without sign-in, declared as a bean so the security configuration need not
 * know them (e.g. the pages of a pulse's one-time links, which carry their own secret). Everything
 * else stays behind sign-in.
 *
 * @param patterns path patterns, e.g. {@code /pulse/**}
 */
public record PublicPages(List<String> patterns) {

    public PublicPages {
        patterns = List.copyOf(patterns);
    }
}
