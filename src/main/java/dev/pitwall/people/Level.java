package dev.pitwall.people;

/** A person's level in the organization. */
public enum Level {
    EXECUTIVE, MANAGER, PRACTITIONER, FRONTLINE
}
