package dev.pitwall.review;

import dev.pitwall.platform.web.NotFoundException;

/** No review item with this id. */
public class ReviewItemNotFound extends NotFoundException {

    public ReviewItemNotFound(Object id) {
        super("REVIEW_ITEM_NOT_FOUND", "Review item", id);
    }
}
