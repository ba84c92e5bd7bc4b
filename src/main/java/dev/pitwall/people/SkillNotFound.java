package dev.pitwall.people;

import dev.pitwall.platform.web.NotFoundException;

public class SkillNotFound extends NotFoundException {
    public SkillNotFound(Object key) {
        super("SKILL_NOT_FOUND", "Skill", key);
    }
}
