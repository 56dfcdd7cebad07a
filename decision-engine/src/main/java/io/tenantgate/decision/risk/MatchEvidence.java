package io.tenantgate.decision.risk;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What one list match rests on, in the terms an examiner uses. A match confirms a restricted party only on
 * evidence beyond the name: a listed e-mail, phone, wallet or long document number the party gives; or a
 * near-exact name with at least one identifier agreeing (date or year of birth, nationality or citizenship, an
 * identity document number, the address country of an address-only entry, and for an organisation, which has no
 * birth date or nationality, its country against the listed addresses) and none conflicting. Anything else is a
 * potential match for an analyst, however exact the name.
 */
public record MatchEvidence(ListHit hit, boolean nearExactName, List<ListHit.HitFact> agreeing,
                            List<ListHit.HitFact> conflicting, Optional<ListHit.HitFact> conclusive) {

    public MatchEvidence {
        agreeing = List.copyOf(agreeing);
        conflicting = List.copyOf(conflicting);
    }

    public static MatchEvidence of(ListHit hit, double nearExactNameScore) {
        List<ListHit.HitFact> agreeing = hit.facts().stream()
                .filter(fact -> fact.agrees() && identifies(fact, hit)).toList();
        List<ListHit.HitFact> conflicting = hit.facts().stream().filter(fact -> !fact.agrees()).toList();
        Optional<ListHit.HitFact> conclusive = hit.facts().stream()
                .filter(fact -> fact.agrees() && fact.conclusive()).findFirst();
        return new MatchEvidence(hit, hit.nameScore() >= nearExactNameScore, agreeing, conflicting, conclusive);
    }

    /**
     * A shared address country says little about who a person is (David Wong of New York is not the David Wong listed
     * at an address in Hong Kong, nor would he be if he lived there), except for an entry that is an address and for
     * an organisation, where it is the country it is registered in; the party's kind is no identifier either.
     */
    private static boolean identifies(ListHit.HitFact fact, ListHit hit) {
        return switch (fact.fact()) {
            case "date_of_birth", "year_of_birth", "nationality" -> true;
            case "country", "address" -> hit.addressOnly() || hit.organisation();
            default -> fact.fact().startsWith("id_");
        };
    }

    /** Evidence an examiner accepts: the match rejects on its own. */
    public boolean confirms() {
        return conclusive.isPresent() || (nearExactName && !agreeing.isEmpty() && conflicting.isEmpty());
    }

    /** One sentence an analyst can sign: the party, the entry, and the facts that decided it. */
    public String sentence() {
        String entry = "'" + hit.entryName() + "' (" + hit.entryKey() + " on " + String.join(", ", hit.sources()) + ")";
        if (conclusive.isPresent()) {
            ListHit.HitFact id = conclusive.get();
            return "restricted party: " + party() + " gives " + id.fact().replace('_', ' ') + " " + id.queryValue()
                    + ", listed for " + entry + ", the listed party's whatever the name"
                    + (conflicting.isEmpty() ? "" : "; " + conflicts());
        }
        if (confirms()) {
            return "restricted party: " + party() + " is " + entry + ": name near-exact (name score "
                    + fixed(hit.nameScore()) + ") and " + describe(agreeing) + "; no identifier conflicts";
        }
        String match = "potential match: " + party() + " may be " + entry + ", match " + fixed(hit.score()) + ": ";
        if (!conflicting.isEmpty()) {
            return match + conflicts() + (agreeing.isEmpty() ? "" : "; " + describe(agreeing));
        }
        if (agreeing.isEmpty()) {
            return match + "name only; no identifier to confirm";
        }
        return match + describe(agreeing) + ", but the name is not near-exact (name score " + fixed(hit.nameScore()) + ")";
    }

    private String conflicts() {
        return describe(conflicting) + ", which lowered the match";
    }

    private String party() {
        return switch (hit.party()) {
            case "customer" -> "the customer";
            case "reseller" -> "the reseller";
            default -> "owner " + hit.party();
        };
    }

    private static String describe(List<ListHit.HitFact> facts) {
        return facts.stream().map(ListHit.HitFact::describe).collect(Collectors.joining(" and "));
    }

    private static String fixed(double score) {
        return String.format(Locale.ROOT, "%.2f", score);
    }
}
