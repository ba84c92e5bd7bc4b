package dev.pitwall.operations;

import dev.pitwall.platform.web.NotFoundException;

/** No operating review, or no review action, with this id. */
public class OperatingReviewNotFound extends NotFoundException {

    public OperatingReviewNotFound(String what, Object id) {
        super("REVIEW_NOT_FOUND", what, id);
    }
}
