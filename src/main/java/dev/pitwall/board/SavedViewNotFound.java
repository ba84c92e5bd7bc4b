package dev.pitwall.board;

import dev.pitwall.platform.web.NotFoundException;

public class SavedViewNotFound extends NotFoundException {
    public SavedViewNotFound(Object id) {
        super("SAVED_VIEW_NOT_FOUND", "Saved view", id);
    }
}
