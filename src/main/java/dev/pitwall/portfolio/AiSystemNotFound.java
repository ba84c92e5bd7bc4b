package dev.pitwall.portfolio;

import dev.pitwall.platform.web.NotFoundException;

public class AiSystemNotFound extends NotFoundException {
    public AiSystemNotFound(Object key) {
        super("AI_SYSTEM_NOT_FOUND", "AI system", key);
    }
}
