package dev.pitwall.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One reason a request was refused, precise enough for a machine: the line of an uploaded file
 * (1 = the header line) and/or the field, and what is wrong with it.
 *
 * @param document for files of several documents (YAML): the document, numbered from 1
 * @param line line number in the uploaded file, or {@code null} for request bodies
 * @param field field or column name, or {@code null} when the whole line is wrong
 * @param reason what is wrong, in a sentence
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Violation(Integer document, Integer line, String field, String reason) {

    public Violation(Integer line, String field, String reason) {
        this(null, line, field, reason);
    }

    public static Violation ofField(String field, String reason) {
        return new Violation(null, null, field, reason);
    }

    public static Violation ofLine(int line, String field, String reason) {
        return new Violation(null, line, field, reason);
    }

    /** The same violation, placed in a document of a multi-document file. */
    public Violation inDocument(int number) {
        return new Violation(number, line, field, reason);
    }
}
