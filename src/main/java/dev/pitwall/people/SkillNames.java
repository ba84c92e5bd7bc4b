package dev.pitwall.people;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The skills catalog by name, regardless of case, for resolving the {@code skill} column of imports. */
final class SkillNames {

    private final Map<String, Long> ids = new HashMap<>();

    SkillNames(List<Skill> catalog) {
        catalog.forEach(skill -> ids.put(Skills.key(skill.name()), skill.id()));
    }

    /** The id of the skill a line names in {@code column}; {@code null} when none is named or it is unknown. */
    Long resolve(CsvFields fields, String column, boolean required) {
        String name = fields.text(column, 200, required);
        if (name == null) {
            return null;
        }
        Long id = ids.get(Skills.key(name));
        if (id == null) {
            fields.fail(column, "'" + name + "' is not in the skills catalog");
        }
        return id;
    }
}
