package dev.pitwall.telemetry.xapi;

import dev.pitwall.platform.security.Permission;
import dev.pitwall.platform.security.PitwallPrincipal;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.platform.web.NotFoundException;
import dev.pitwall.platform.web.Violation;
import dev.pitwall.telemetry.internal.IngestionLimiter;
import dev.pitwall.telemetry.internal.RequestBodies;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The statements resource of an xAPI endpoint: configure an LMS with {@code http://host:8080/api/v1/xapi/}. */
@RestController
@RequestMapping("/api/v1/xapi/statements")
@Tag(name = "xAPI", description = "Learning statements from an LMS; completed, passed and failed become learning records")
class XapiController {

    static final String VERSION_HEADER = "X-Experience-API-Version";
    static final String VERSION = "1.0.3";

    private final XapiService xapi;
    private final RequestBodies bodies;
    private final IngestionLimiter limiter;

    private final dev.pitwall.platform.privacy.PeopleData peopleData;

    XapiController(XapiService xapi, RequestBodies bodies, IngestionLimiter limiter,
            dev.pitwall.platform.privacy.PeopleData peopleData) {
        this.peopleData = peopleData;
        this.xapi = xapi;
        this.bodies = bodies;
        this.limiter = limiter;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(Permission.Checks.TELEMETRY_INGEST)
    @Operation(summary = "Store xAPI statements (one, or an array)", description = "Answers the statement ids in order. "
            + "All or nothing: an invalid statement refuses the request (400 XAPI_INVALID naming the statement, "
            + "1 = first); a stored id with different content answers 409 STATEMENT_CONFLICT; the same statement "
            + "again is accepted and changes nothing.")
    ResponseEntity<List<String>> store(@RequestHeader(name = VERSION_HEADER, required = false) String version,
            HttpServletRequest request) throws IOException {
        checkVersion(version);
        List<String> ids = limiter.run(() -> xapi.store(bodies.read(request), PitwallPrincipal.currentActorName()));
        return ResponseEntity.ok().header(VERSION_HEADER, VERSION).body(ids);
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(Permission.Checks.TELEMETRY_READ + " and " + Permission.Checks.PEOPLE_IDENTIFY)
    @Operation(summary = "Get a stored statement by id", description = "A statement names its learner, so reading it "
            + "needs people:identify, and each read is audited.")
    ResponseEntity<String> get(@RequestHeader(name = VERSION_HEADER, required = false) String version,
            @RequestParam String statementId) {
        checkVersion(version);
        String statement = xapi.find(statementId).orElseThrow(() -> new StatementNotFound(statementId));
        peopleData.open("xapi-statement", "xAPI statement " + statementId, 1);
        return ResponseEntity.ok().header(VERSION_HEADER, VERSION).contentType(MediaType.APPLICATION_JSON).body(statement);
    }

    private static void checkVersion(String version) {
        if (version == null || version.isBlank()) {
            throw new InvalidInputException("XAPI_VERSION_REQUIRED", "The X-Experience-API-Version header is required.",
                    List.of(Violation.ofField(VERSION_HEADER, "is required")));
        }
        if (!version.trim().startsWith("1.0") && !version.trim().startsWith("2.0")) {
            throw new InvalidInputException("XAPI_VERSION_UNSUPPORTED", "xAPI version " + version + " is not supported; "
                    + "send 1.0.x or 2.0.x.", List.of(Violation.ofField(VERSION_HEADER, "must be 1.0.x or 2.0.x")));
        }
    }

    /** No statement has this id (404). */
    static class StatementNotFound extends NotFoundException {
        StatementNotFound(String id) {
            super("STATEMENT_NOT_FOUND", "Statement", id);
        }
    }
}
