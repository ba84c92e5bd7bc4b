package dev.pitwall.board;

import dev.pitwall.platform.web.NotFoundException;

public class BoardSubscriptionNotFound extends NotFoundException {
    public BoardSubscriptionNotFound(Object id) {
        super("BOARD_SUBSCRIPTION_NOT_FOUND", "Board pack subscription", id);
    }
}
