package dev.pitwall.platform.identity;

import java.util.Optional;

/**
 * How sign-in finds the directory person an identity-provider user is, when the provider sends an
 * external id rather than (or besides) an email. Implemented by the people module, which the
 * platform cannot depend on; users are linked to people by email, so the answer is the email.
 */
public interface PersonLinks {

    /** The email of the person with this external id, if there is one and it has an email. */
    Optional<String> emailOfPersonWithExternalId(String externalId);
}
