package io.tenantgate.identity.risk;

/**
 * A restricted-party list entry that screening-service returned for one of the case's parties.
 *
 * @param party  which party matched ("customer", an owner's or the reseller's name)
 * @param source list source code (EL, SDN, ...)
 * @param score  match score 0 to 1
 */
public record ListHit(String party, String source, String entryName, double score) {

    public ListHit {
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("a match score lies within 0-1, got " + score);
        }
    }
}
