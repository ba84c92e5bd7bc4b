package dev.pitwall.platform.users;

/** An identity provider authenticated someone whose Pitwall user is disabled. */
public class ExternalSignInRefused extends RuntimeException {

    public ExternalSignInRefused(String message) {
        super(message);
    }
}
