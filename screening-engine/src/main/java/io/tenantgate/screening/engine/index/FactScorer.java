package io.tenantgate.screening.engine.index;

import io.tenantgate.screening.engine.model.Entry;
import io.tenantgate.screening.engine.model.EntryType;
import io.tenantgate.screening.engine.model.Identifier;
import io.tenantgate.screening.engine.model.PartialDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Weighs the facts besides the name. Agreement adds a little (the name must carry the match), conflict
 * takes more: a different year of birth is strong evidence of a different person. An exact identity
 * document number is strong evidence of the same party; a listed e-mail address, phone number, digital currency
 * address or a long document number is conclusive on its own, whatever the name.
 */
final class FactScorer {

    static final double SAME_DATE_OF_BIRTH = 0.05;
    static final double SAME_YEAR_OF_BIRTH = 0.03;
    static final double DIFFERENT_YEAR_OF_BIRTH = -0.1;
    static final double SAME_COUNTRY = 0.02;
    static final double DIFFERENT_NATIONALITY = -0.05;
    static final double SAME_ID_NUMBER = 0.3;
    /** Enough to make a match of any name: the party uses what the list says the listed party uses. */
    static final double CONCLUSIVE_ID = 1.0;
    /** From this many letters and digits, with a digit among them, a number is unlikely to be shared by chance. */
    private static final int CONCLUSIVE_NUMBER_LENGTH = 6;
    static final double DIFFERENT_TYPE = -0.1;
    /** Compiled once: numbers are compared for every queried number and every entry it may match. */
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^A-Za-z0-9]");
    /** Birth years one apart are common transcription and calendar differences. */
    private static final int YEAR_TOLERANCE = 1;

    private FactScorer() {
    }

    /** The most the facts of this query can add to a name score, ID numbers aside. */
    static double maxGainWithoutIds(PartyQuery query) {
        return (query.dateOfBirth() == null ? 0 : SAME_DATE_OF_BIRTH) + (query.countries().isEmpty() ? 0 : SAME_COUNTRY);
    }

    static List<FactEvidence> evidence(PartyQuery query, Entry entry) {
        return evidence(query, entry, false);
    }

    /**
     * {@code organisationName}: the matched list name carries a legal form (LTD, PJSC, CORP, ...), so an
     * entry of unknown type (BIS and State Department rows) is an organisation, not a person.
     */
    static List<FactEvidence> evidence(PartyQuery query, Entry entry, boolean organisationName) {
        List<FactEvidence> facts = new ArrayList<>(4);
        dateOfBirth(query, entry, facts);
        country(query, entry, facts);
        ids(query, entry, facts);
        EntryType listed = entry.type() == EntryType.UNKNOWN && organisationName ? EntryType.ENTITY : entry.type();
        if (query.type().conflictsWith(listed)) {
            facts.add(new FactEvidence("type", query.type().name(), listed.name(), DIFFERENT_TYPE));
        }
        return facts;
    }

    private static void dateOfBirth(PartyQuery query, Entry entry, List<FactEvidence> facts) {
        PartialDate queried = query.dateOfBirth();
        if (queried == null || entry.datesOfBirth().isEmpty()) {
            return;
        }
        String listed = entry.datesOfBirth().toString();
        if (queried.hasDay() && entry.datesOfBirth().contains(queried)) {
            facts.add(new FactEvidence("date of birth", queried.toString(), listed, SAME_DATE_OF_BIRTH));
        } else if (entry.datesOfBirth().stream().anyMatch(date -> date.year() == queried.year())) {
            facts.add(new FactEvidence("year of birth", queried.toString(), listed, SAME_YEAR_OF_BIRTH));
        } else if (entry.datesOfBirth().stream().noneMatch(date -> Math.abs(date.year() - queried.year()) <= YEAR_TOLERANCE)) {
            facts.add(new FactEvidence("year of birth", queried.toString(), listed, DIFFERENT_YEAR_OF_BIRTH));
        }
    }

    /**
     * Any of the party's countries may be the listed one: a dual national conflicts only if neither is. A shared
     * nationality is reported as "nationality", a country shared only with an address as "country".
     */
    private static void country(PartyQuery query, Entry entry, List<FactEvidence> facts) {
        if (query.countries().isEmpty()) {
            return;
        }
        String sharedNationality = query.countries().stream().filter(entry.nationalities()::contains).findFirst().orElse(null);
        String shared = query.countries().stream().filter(entry.countries()::contains).findFirst().orElse(null);
        if (sharedNationality != null) {
            facts.add(new FactEvidence("nationality", sharedNationality, String.join(",", entry.nationalities()), SAME_COUNTRY));
        } else if (shared != null) {
            // only an address country: weaker evidence of identity than a nationality, said apart for the decision
            facts.add(new FactEvidence("country", shared, String.join(",", entry.countries()), SAME_COUNTRY));
        } else if (!entry.nationalities().isEmpty()) {
            facts.add(new FactEvidence("nationality", String.join(",", query.countries()),
                    String.join(",", entry.nationalities()), DIFFERENT_NATIONALITY));
        }
    }

    private static void ids(PartyQuery query, Entry entry, List<FactEvidence> facts) {
        for (Identifier queried : query.ids()) {
            for (Identifier listed : entry.ids()) {
                String number = normalizedNumber(queried.number());
                if (number.equals(normalizedNumber(listed.number()))) {
                    facts.add(new FactEvidence("id " + listed.type(), queried.number(), listed.number(),
                            isConclusive(listed.type(), number) ? CONCLUSIVE_ID : SAME_ID_NUMBER));
                    return;
                }
            }
        }
    }

    /**
     * A listed contact or wallet, or a number long enough and with digits (a passport, tax or registration number),
     * as opposed to the short numbers and remarks OFAC also files as identifiers ("Gender", "Target Type").
     */
    static boolean isConclusive(String listedType, String normalizedNumber) {
        String type = listedType == null ? "" : listedType.toLowerCase(Locale.ROOT);
        if (type.startsWith("email") || type.startsWith("phone") || type.startsWith("digital currency address")) {
            return normalizedNumber.length() >= CONCLUSIVE_NUMBER_LENGTH;
        }
        return normalizedNumber.length() >= CONCLUSIVE_NUMBER_LENGTH && normalizedNumber.chars().anyMatch(Character::isDigit);
    }

    /** Document numbers compare without spaces, dashes and case. */
    static String normalizedNumber(String number) {
        return number == null ? "" : NOT_LETTER_OR_DIGIT.matcher(number).replaceAll("").toUpperCase(Locale.ROOT);
    }
}
