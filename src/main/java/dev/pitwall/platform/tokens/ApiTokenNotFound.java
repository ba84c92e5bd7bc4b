package dev.pitwall.platform.tokens;

import dev.pitwall.platform.web.NotFoundException;

public class ApiTokenNotFound extends NotFoundException {

    public ApiTokenNotFound(long id) {
        super("API_TOKEN_NOT_FOUND", "API token", id);
    }
}
