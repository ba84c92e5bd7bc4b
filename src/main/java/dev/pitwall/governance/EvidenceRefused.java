package dev.pitwall.governance;

import dev.pitwall.platform.web.ProblemException;
import dev.pitwall.platform.web.Violation;
import java.util.List;
import org.springframework.http.HttpStatus;

/** An evidence file that is too large (413) or of a type or content not accepted (415). */
public class EvidenceRefused extends ProblemException {

    private EvidenceRefused(HttpStatus status, String code, String title, String detail) {
        super(status, code, title, detail, List.of(Violation.ofField("file", detail)));
    }

    public static EvidenceRefused tooLarge(long size, long max) {
        return new EvidenceRefused(HttpStatus.CONTENT_TOO_LARGE, "EVIDENCE_TOO_LARGE", "Evidence file too large",
                "The file has " + size + " bytes; at most " + max + " are accepted.");
    }

    public static EvidenceRefused type(String reason) {
        return new EvidenceRefused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "EVIDENCE_TYPE_REFUSED",
                "Evidence file refused", reason);
    }
}
