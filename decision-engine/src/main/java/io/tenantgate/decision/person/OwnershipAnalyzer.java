package io.tenantgate.decision.person;

import java.util.ArrayList;
import java.util.List;

/**
 * Walks a declared ownership tree, multiplying shares down each path. US organisations (and those of undeclared
 * country) are looked through to their owners; a foreign party is counted once as foreign, though its own owners are still listed (their
 * countries matter for jurisdictions of concern).
 */
public final class OwnershipAnalyzer {

    /** A share above half carries control even when no control flag was declared. */
    private static final double MAJORITY = 50.0;

    private OwnershipAnalyzer() {
    }

    public static OwnershipAnalysis analyse(List<Owner> directOwners) {
        Walk walk = new Walk();
        for (Owner owner : directOwners) {
            walk.visit(owner, 1.0, true, 1, false);
        }
        return new OwnershipAnalysis(walk.parties, walk.foreign * 100, walk.unknown * 100, walk.layers);
    }

    private static final class Walk {
        private final List<OwnershipParty> parties = new ArrayList<>();
        private double foreign;
        private double unknown;
        private int layers;

        /**
         * @param fractionAbove   the customer's fraction that the parent holds
         * @param controlAbove    every link above carries control
         * @param countedAbove    an ancestor was already counted as foreign or unknown
         */
        void visit(Owner owner, double fractionAbove, boolean controlAbove, int layer, boolean countedAbove) {
            double fraction = fractionAbove * owner.percentage() / 100;
            boolean controlling = controlAbove && (owner.control() || owner.percentage() > MAJORITY);
            layers = Math.max(layers, layer);
            parties.add(new OwnershipParty(owner.name(), owner.kind(), owner.countries(), owner.isUsPerson(),
                    fraction * 100, layer, controlling));
            boolean counted = countedAbove;
            // organisations that are US or of unknown country are looked through when their owners are declared
            boolean lookThrough = owner.kind() == PartyKind.ORGANISATION && !owner.owners().isEmpty()
                    && (owner.isUsPerson() || owner.countryUnknown());
            if (!countedAbove && !owner.isUsPerson() && !lookThrough) {
                if (owner.countryUnknown()) {
                    unknown += fraction;
                } else {
                    foreign += fraction;
                }
                counted = true;
            }
            for (Owner next : owner.owners()) {
                visit(next, fraction, controlling, layer + 1, counted);
            }
        }
    }
}
