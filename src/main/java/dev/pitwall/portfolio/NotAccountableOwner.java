package dev.pitwall.portfolio;

import dev.pitwall.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** Only the person holding ACCOUNTABLE_OWNER may grant a waiver. */
public class NotAccountableOwner extends ProblemException {

    public NotAccountableOwner(String detail) {
        super(HttpStatus.FORBIDDEN, "NOT_ACCOUNTABLE_OWNER", "Not the accountable owner", detail);
    }
}
