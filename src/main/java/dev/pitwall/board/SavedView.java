package dev.pitwall.board;

import java.time.Instant;

/**
 * A named scorecard view: a scorecard page and its filters, saved by {@code owner} and opened by
 * anyone who may read scorecards through {@code /board/views/{id}}.
 *
 * @param path the page, e.g. {@code /scorecards} or {@code /scorecards/teams/4}
 * @param query its filters as a query string, e.g. {@code stage=PRODUCTION&constraint=WORKFORCE}
 */
public record SavedView(long id, String owner, String name, String path, String query, Instant createdAt) {

    /** Where the view opens. */
    public String url() {
        return query.isEmpty() ? path : path + "?" + query;
    }
}
