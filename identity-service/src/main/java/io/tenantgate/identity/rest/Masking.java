package io.tenantgate.identity.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.tenantgate.identity.cases.CaseRequest;

import java.util.List;

/** What each role sees of sensitive identifiers: reviewers and supervisors see them whole. */
final class Masking {

    private Masking() {
    }

    static boolean seesPersonalDetails(SecurityIdentity caller) {
        return caller.hasRole("analyst") || caller.hasRole("supervisor");
    }

    /** The profile with every date of a person (the customer's, its owners') cut to the year. */
    static CaseRequest yearsOnly(CaseRequest p) {
        return new CaseRequest(p.kind(), p.legalName(), p.otherNames(), personDate(p.kind(), p.date()), p.countries(),
                p.addresses(), p.emails(), p.phones(), p.accountIds(), p.reseller(), owners(p.owners()));
    }

    private static List<CaseRequest.Owner> owners(List<CaseRequest.Owner> owners) {
        return owners.stream().map(o -> new CaseRequest.Owner(o.kind(), o.name(), personDate(o.kind(), o.date()),
                o.countries(), o.addresses(), o.percentage(), o.control(), owners(o.owners()))).toList();
    }

    private static CaseRequest.Date personDate(CaseRequest.Kind kind, CaseRequest.Date date) {
        return date == null || kind != CaseRequest.Kind.PERSON ? date : new CaseRequest.Date(date.year(), 0, 0);
    }
}
