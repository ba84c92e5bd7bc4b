package dev.pitwall.telemetry;

import dev.pitwall.platform.web.ProblemException;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** No item of the request was a valid usage event (400); the batch's accounting is still recorded. */
public class IngestionRejected extends ProblemException {

    private final IngestionResult result;

    public IngestionRejected(IngestionResult result) {
        super(HttpStatus.BAD_REQUEST, "USAGE_EVENTS_REJECTED", "No valid usage event",
                "None of the " + result.rejected() + " item(s) could be stored; each is listed in errors.",
                result.rejections());
        this.result = result;
    }

    public IngestionResult result() {
        return result;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("batchId", result.batchId(), "accepted", 0, "duplicates", 0, "rejected", result.rejected(),
                "skipped", result.skipped());
    }
}
