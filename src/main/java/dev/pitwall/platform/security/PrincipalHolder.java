package dev.pitwall.platform.security;

/** Implemented by authentication principals that carry a {@link PitwallPrincipal}. */
public interface PrincipalHolder {

    PitwallPrincipal pitwallPrincipal();
}
