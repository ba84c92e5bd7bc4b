package dev.pitwall.platform.tokens.web;

import dev.pitwall.platform.web.GettingStarted;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Getting started: an API token for the AI applications that send telemetry. */
@Component
class TokenGettingStarted implements GettingStarted {

    private final JdbcClient jdbc;

    TokenGettingStarted(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Step> steps() {
        boolean any = GettingStarted.exists(jdbc, "SELECT 1 FROM platform_api_token WHERE revoked_at IS NULL");
        return List.of(new Step(70, "Create an API token", "AI applications and scripts send usage with a token "
                + "that has the ingest scope; the page shows the command to paste.", "/account", any));
    }
}
