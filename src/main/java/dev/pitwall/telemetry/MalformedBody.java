package dev.pitwall.telemetry;

import dev.pitwall.platform.web.ProblemException;
import dev.pitwall.platform.web.Violation;
import java.util.List;
import org.springframework.http.HttpStatus;

/** The request body could not be decoded at all (broken JSON, protobuf or gzip); nothing was stored. */
public class MalformedBody extends ProblemException {

    public MalformedBody(String detail, List<Violation> violations) {
        super(HttpStatus.BAD_REQUEST, "MALFORMED_BODY", "Malformed request body", detail, violations);
    }

    public MalformedBody(String detail) {
        this(detail, List.of());
    }

    /** The body is not JSON that Pitwall reads: where and why, from Jackson's failure. */
    public static MalformedBody ofJson(tools.jackson.core.JacksonException e) {
        dev.pitwall.platform.web.InputJson.Failure failure = dev.pitwall.platform.web.InputJson.failure(e);
        return new MalformedBody("The body is not valid JSON" + failure.where()
                + (failure.field() == null ? "" : " (" + failure.field() + ")") + ": " + failure.reason(),
                List.of(failure.violation()));
    }
}
