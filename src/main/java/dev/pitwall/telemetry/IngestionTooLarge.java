package dev.pitwall.telemetry;

import dev.pitwall.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** A request over {@code pitwall.telemetry.max-request-size} or {@code max-events-per-request} (413). */
public class IngestionTooLarge extends ProblemException {

    public IngestionTooLarge(String detail) {
        super(HttpStatus.CONTENT_TOO_LARGE, "INGESTION_TOO_LARGE", "Request too large",
                detail + " Nothing of this request was stored; split it into smaller requests.");
    }
}
