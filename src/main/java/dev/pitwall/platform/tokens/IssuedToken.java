package dev.pitwall.platform.tokens;

/**
 * A token just created, with its secret: the only time the secret exists outside the client.
 *
 * @param token the token as it will be listed
 * @param secret the value to send as {@code Authorization: Bearer <secret>}
 */
public record IssuedToken(ApiToken token, String secret) {

    @Override
    public String toString() {
        return "IssuedToken[" + token.name() + "]";
    }
}
