package dev.pitwall.platform.web;

/**
 * Which page of a list to return.
 *
 * @param page zero-based page number
 * @param size rows per page
 */
public record PageQuery(int page, int size) {

    public PageQuery {
        if (page < 0) {
            throw InvalidInputException.ofField("page", "must be 0 or more");
        }
        if (size < 1) {
            throw InvalidInputException.ofField("size", "must be 1 or more");
        }
    }

    public long offset() {
        return (long) page * size;
    }
}
