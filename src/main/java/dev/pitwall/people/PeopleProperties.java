package dev.pitwall.people;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the people directory, under {@code pitwall.people.*}.
 *
 * @param importMaxSize largest CSV file an import accepts (e.g. {@code 20MB}); larger uploads are
 *     refused with 413 before any line is read
 * @param importMaxRows most data lines an import accepts in one file
 */
@Validated
@ConfigurationProperties("pitwall.people")
public record PeopleProperties(
        @NotNull @DefaultValue("20MB") DataSize importMaxSize,
        @Min(1) @DefaultValue("100000") int importMaxRows) {
}
