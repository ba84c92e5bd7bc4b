package dev.pitwall.board;

import dev.pitwall.platform.web.NotFoundException;

public class BoardPackNotFound extends NotFoundException {
    public BoardPackNotFound(Object id) {
        super("BOARD_PACK_NOT_FOUND", "Board pack", id);
    }
}
