package dev.pitwall.people;

import dev.pitwall.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** An import file over {@code pitwall.people.import-max-size} or {@code import-max-rows}. */
public class ImportTooLarge extends ProblemException {

    public ImportTooLarge(String detail) {
        super(HttpStatus.CONTENT_TOO_LARGE, "IMPORT_TOO_LARGE", "Import too large", detail);
    }
}
