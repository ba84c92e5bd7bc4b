package dev.pitwall.platform.users;

/**
 * An administrator set a new password for a user: whatever the user (or someone holding their old
 * credentials) signed in with before must stop working, so their sessions end and their API tokens
 * are revoked, in the same transaction.
 *
 * @param userId the user
 * @param username their name
 */
public record PasswordReset(long userId, String username) {
}
