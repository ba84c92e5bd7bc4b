package dev.pitwall.insight.web;

import dev.pitwall.insight.PulseQuestion;
import java.util.LinkedHashMap;
import java.util.Map;

/** The answer fields of a submitted form (the form's other fields, such as its CSRF token, left out). */
final class PulseAnswers {

    private PulseAnswers() {
    }

    static Map<String, String> fields(Map<String, String> params) {
        Map<String, String> values = new LinkedHashMap<>();
        for (PulseQuestion question : PulseQuestion.values()) {
            String value = params.get(question.field());
            if (value != null) {
                values.put(question.field(), value.length() > 20 ? value.substring(0, 20) : value);
            }
        }
        return values;
    }
}
