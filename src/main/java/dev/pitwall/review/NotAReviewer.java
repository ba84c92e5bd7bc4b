package dev.pitwall.review;

import dev.pitwall.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** Only the person an item is routed to, or a holder of the right that decides it, may decide. */
public class NotAReviewer extends ProblemException {

    public NotAReviewer(String detail) {
        super(HttpStatus.FORBIDDEN, "NOT_A_REVIEWER", "Not a reviewer of this item", detail);
    }
}
