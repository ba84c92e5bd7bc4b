package dev.pitwall.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

class JsonPathsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Answers(boolean personal, int count, Level level, List<String> points) {
    }

    enum Level { LOW, HIGH }

    private static DatabindException failure(String json) {
        return catchThrowableOfType(DatabindException.class, () -> JSON.readValue(json, Answers.class));
    }

    @Test
    void aLeftOutYesOrNoIsRequiredNotAJacksonSetting() {
        DatabindException e = failure("{\"count\":1,\"level\":\"LOW\",\"points\":[]}");
        assertThat(JsonPaths.of(e)).isEqualTo("personal");
        assertThat(JsonPaths.reason(e)).isEqualTo("is required (a boolean: true or false)");
        assertThat(JsonPaths.reason(failure("{\"personal\":true,\"count\":null}"))).isEqualTo("is required (a whole number)");
    }

    @Test
    void aWrongEnumValueListsTheAllowedOnes() {
        assertThat(JsonPaths.reason(failure("{\"personal\":true,\"count\":1,\"level\":\"MID\"}")))
                .isEqualTo("'MID' is not one of LOW, HIGH");
    }
}
