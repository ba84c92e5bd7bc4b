package dev.pitwall.people;

/**
 * The result of recording something that may already exist.
 *
 * @param value the record as stored now
 * @param outcome whether it was created, changed or already the same
 */
public record Upserted<T>(T value, Outcome outcome) {

    public enum Outcome { CREATED, UPDATED, UNCHANGED }
}
