package io.tenantgate.decision.risk;

import java.util.List;
import java.util.Objects;

/**
 * A restricted-party list entry that screening-service returned for one of the case's parties.
 *
 * @param party       which party matched ("customer", "customer/owner0", "reseller")
 * @param organisation the party that matched is an organisation (its country of incorporation is its nationality)
 * @param entryKey    the listed party, "SOURCE:NUMBER"; one listed party may be carried by several sources
 * @param sources     every list that carries it (EL, DPL, SDN, ...)
 * @param entryName   the listed name variant that matched
 * @param score       match score 0 to 1, facts weighed
 * @param nameScore   score of the names alone, 0 to 1
 * @param addressOnly the entry lists an address only (Entity List addresses of high diversion risk)
 * @param facts       the facts besides the name that agreed or conflicted
 */
public record ListHit(String party, boolean organisation, String entryKey, List<String> sources, String entryName, double score,
                      double nameScore, boolean addressOnly, List<HitFact> facts) {

    public ListHit {
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(entryKey, "entryKey");
        sources = List.copyOf(sources);
        facts = List.copyOf(facts);
        if (!(score >= 0 && score <= 1) || !(nameScore >= 0 && nameScore <= 1)) {
            throw new IllegalArgumentException("match scores lie within 0-1, got " + score + " and " + nameScore);
        }
    }

    /**
     * A fact besides the name, as screening compared it.
     *
     * @param fact       "date_of_birth", "year_of_birth", "nationality", "country" (an address country), "address",
     *                   "id_&lt;type&gt;" or "type"
     * @param agrees     true when it agreed, false when it conflicted
     * @param conclusive a listed e-mail, phone, wallet or long document number: the listed party's whatever the name
     */
    public record HitFact(String fact, boolean agrees, String queryValue, String listValue, boolean conclusive) {

        public HitFact {
            fact = Objects.requireNonNull(fact, "fact").strip().replace(' ', '_'); // the engine writes "date of birth"
        }

        /** Words for a reason: "date of birth 1970-05-01 agrees with 1970-05-01". */
        public String describe() {
            return fact.replace('_', ' ') + " " + queryValue + (agrees ? " agrees with " : " conflicts with ") + listValue;
        }
    }
}
