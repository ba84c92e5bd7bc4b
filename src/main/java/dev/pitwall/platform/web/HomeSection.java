package dev.pitwall.platform.web;

import java.util.Map;

/**
 * A section of the home page contributed by a module (the platform cannot depend on the modules
 * built on it, so they plug in here).
 */
public interface HomeSection {

    /** Position on the page; lower comes first. */
    int order();

    /** The Thymeleaf fragment to render, e.g. {@code "people/home :: section"}. */
    String fragment();

    /** The model of the fragment, computed for the current user. */
    Map<String, Object> model();
}
