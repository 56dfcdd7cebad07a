package io.tenantgate.common.validation;

/**
 * The largest party screening-service screens in one request. identity-service refuses a sign-up beyond them
 * up front (a 400 naming the field), so that every case it accepts can be screened.
 */
public final class ScreeningLimits {

    /** Names of one party: a legal name and its other names together. */
    public static final int NAMES_PER_PARTY = 20;
    /** Parties of one request: the party screened and every owner at every depth. */
    public static final int PARTIES_PER_REQUEST = 200;
    /** Levels of owners under the party screened. */
    public static final int OWNERSHIP_DEPTH = 10;
    /** Direct owners of one party. */
    public static final int OWNERS_PER_PARTY = 50;

    private ScreeningLimits() {
    }
}
