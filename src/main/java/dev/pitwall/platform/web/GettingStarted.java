package dev.pitwall.platform.web;

import java.util.List;

/**
 * Steps of the getting-started checklist on Home, contributed by the module that owns each: an
 * empty installation shows them in order, each linking to its form, and ticks each one as its
 * data appears. The checklist disappears once every step is done.
 */
public interface GettingStarted {

    /** This module's steps, with whether each is done now. */
    List<Step> steps();

    /**
     * Whether a query finds any row: Home asks this on every visit, so it stops at the first row
     * instead of counting a table.
     */
    static boolean exists(org.springframework.jdbc.core.simple.JdbcClient jdbc, String query) {
        return Boolean.TRUE.equals(jdbc.sql("SELECT EXISTS (" + query + ")").query(Boolean.class).single());
    }

    /**
     * One step.
     *
     * @param order position in the checklist (lower first)
     * @param title what to do, e.g. "Register an AI system"
     * @param hint why, in one sentence
     * @param path the page with the form, inside Pitwall
     * @param done whether the data it asks for exists
     */
    record Step(int order, String title, String hint, String path, boolean done) {
    }
}
