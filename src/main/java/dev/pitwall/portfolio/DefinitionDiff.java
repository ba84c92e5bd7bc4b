package dev.pitwall.portfolio;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.json.JsonMapper;

/** The field-by-field difference of two definitions, by flattening both to paths and values. */
final class DefinitionDiff {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DefinitionDiff() {
    }

    static List<AppliedWorkflow.FieldChange> between(WorkflowDefinition before, WorkflowDefinition after) {
        Map<String, Object> left = flatten(before);
        Map<String, Object> right = flatten(after);
        List<AppliedWorkflow.FieldChange> changes = new ArrayList<>();
        TreeSet<String> fields = new TreeSet<>(left.keySet());
        fields.addAll(right.keySet());
        for (String field : fields) {
            Object was = left.get(field);
            Object is = right.get(field);
            if (!Objects.equals(was, is)) {
                changes.add(new AppliedWorkflow.FieldChange(field, was, is));
            }
        }
        return changes;
    }

    private static Map<String, Object> flatten(WorkflowDefinition definition) {
        Map<String, Object> flat = new TreeMap<>();
        Object tree = JSON.convertValue(definition, Object.class);
        flatten("", tree, flat);
        return flat;
    }

    private static void flatten(String path, Object value, Map<String, Object> flat) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(path.isEmpty() ? String.valueOf(k) : path + "." + k, v, flat));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(path + "[" + i + "]", list.get(i), flat);
            }
        } else if (value != null) {
            flat.put(path, value);
        }
    }
}
