package dev.pitwall.operations;

import dev.pitwall.platform.web.NotFoundException;

/** No subscription, or no delivery, with this id. */
public class SubscriptionNotFound extends NotFoundException {

    public SubscriptionNotFound(String what, Object id) {
        super("NOTIFICATION_NOT_FOUND", what, id);
    }
}
