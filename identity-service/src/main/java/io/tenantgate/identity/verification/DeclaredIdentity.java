package io.tenantgate.identity.verification;

import java.time.LocalDate;

/**
 * What the customer declared about the document holder; any part may be null when not declared.
 *
 * @param fullName    the legal name as declared, in any order and script the sign-up form accepts
 * @param nationality ISO 3166-1 alpha-2
 */
public record DeclaredIdentity(String fullName, LocalDate birthDate, String nationality) {
}
