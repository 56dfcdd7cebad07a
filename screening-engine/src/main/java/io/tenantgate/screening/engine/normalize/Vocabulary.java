package io.tenantgate.screening.engine.normalize;

import io.tenantgate.screening.engine.match.EditDistance;
import io.tenantgate.screening.engine.match.TokenSimilarity;
import io.tenantgate.screening.engine.match.Unit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The words that say little about who is meant: legal forms in many languages (with their spelled-out
 * forms mapped to one canonical abbreviation), stopwords, titles and name particles.
 */
public final class Vocabulary {

    /** Spelled-out or variant legal forms mapped to one canonical token, by first word, longest first. */
    static final Map<String, List<Map.Entry<List<String>, String>>> LEGAL_FORM_PHRASES = phrases(new String[][]{
            {"OPEN JOINT STOCK COMPANY", "OJSC"}, {"CLOSED JOINT STOCK COMPANY", "CJSC"},
            {"PUBLIC JOINT STOCK COMPANY", "PJSC"}, {"JOINT STOCK COMPANY", "JSC"},
            {"LIMITED LIABILITY COMPANY", "LLC"}, {"LIMITED LIABILITY PARTNERSHIP", "LLP"},
            {"PUBLIC LIMITED COMPANY", "PLC"}, {"GESELLSCHAFT MIT BESCHRANKTER HAFTUNG", "GMBH"},
            {"SOCIEDAD ANONIMA", "SA"}, {"SOCIETE ANONYME", "SA"}, {"SOCIETA PER AZIONI", "SPA"},
            {"SOCIEDAD DE RESPONSABILIDAD LIMITADA", "SRL"}, {"BESLOTEN VENNOOTSCHAP", "BV"},
            {"NAAMLOZE VENNOOTSCHAP", "NV"}, {"KOMMANDITGESELLSCHAFT", "KG"}, {"AKTIENGESELLSCHAFT", "AG"},
            {"PRIVATE LIMITED", "PVT LTD"}, {"YOU XIAN ZE REN GONG SI", "LTD"}, {"YOU XIAN GONG SI", "LTD"},
            {"GU FEN YOU XIAN GONG SI", "LTD"}, {"YOUXIAN GONGSI", "LTD"}, {"GONG SI", "CO"}, {"GONGSI", "CO"},
            {"LIMITED", "LTD"}, {"CORPORATION", "CORP"}, {"COMPANY", "CO"}, {"INCORPORATED", "INC"},
            {"OOO", "LLC"}, {"OAO", "OJSC"}, {"ZAO", "CJSC"}, {"PAO", "PJSC"}, {"AO", "JSC"},
            {"SPOLKA Z OGRANICZONA ODPOWIEDZIALNOSCIA", "SP ZOO"}, {"SP Z OO", "SP ZOO"},
            {"OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU", "LLC"}, {"OBSHCHESTVO S OGRANICHENNOY OTVETSTVENNOSTYU", "LLC"},
            {"OTKRYTOE AKTSIONERNOE OBSHCHESTVO", "OJSC"}, {"ZAKRYTOE AKTSIONERNOE OBSHCHESTVO", "CJSC"},
            {"PUBLICHNOE AKTSIONERNOE OBSHCHESTVO", "PJSC"}, {"AKTSIONERNOE OBSHCHESTVO", "JSC"},
            {"SA DE CV", "SA"}, {"S DE RL DE CV", "SRL"}, {"S DE RL", "SRL"},
            {"SOCIETATEA CU RASPUNDERE LIMITATA", "SRL"}, {"SOCIETE A RESPONSABILITE LIMITEE", "SARL"}, {"KABUSHIKI KAISHA", "KK"},
    });

    /** Canonical legal forms that tell apart kinds of company; conflicting ones argue against a match. */
    static final Set<String> SPECIFIC_LEGAL_FORMS = Set.of("LLC", "LLP", "JSC", "OJSC", "CJSC", "PJSC", "PLC",
            "GMBH", "AG", "SA", "SPA", "SRL", "BV", "NV", "KG", "LP", "SARL", "SAS", "AB", "AS", "OY", "KK", "ANO", "NKO",
            "FGUP", "GUP", "MUP", "UP", "SE", "EOOD", "OOD", "DOO", "SRO", "KFT", "ZRT", "NPO", "SP", "ZOO", "LTDA");

    /** Generic company words: weak, but no evidence either way. */
    static final Set<String> GENERIC_LEGAL_FORMS = Set.of("LTD", "CORP", "CO", "INC", "PVT", "PTE", "LP", "GROUP",
            "HOLDING", "HOLDINGS", "ENTERPRISE", "ENTERPRISES", "FIRM", "TRADING", "INTERNATIONAL", "INTL", "BHD",
            "SDN", "EST", "ESTABLISHMENT", "LIMITADA", "CIA", "SOCIEDAD", "GESELLSCHAFT", "JOINT", "STOCK",
            "PUBLIC", "PRIVATE", "OPEN", "CLOSED", "LIABILITY", "CV",
            // the words of the Russian forms spelled out (OOO, AO, ...), when not in their usual order
            "OBSHCHESTVO", "AKTSIONERNOE", "OGRANICHENNOI", "OGRANICHENNOY", "OTVETSTVENNOSTYU", "OTKRYTOE",
            "ZAKRYTOE", "PUBLICHNOE");

    static final Set<String> STOPWORDS = Set.of("THE", "OF", "AND", "FOR", "IN", "ON", "AT", "TO", "A", "AN",
            "DE", "DEL", "DELLA", "DES", "DU", "LA", "LE", "LES", "LOS", "LAS", "EL", "Y", "E", "ET", "UND", "DER",
            "DIE", "DAS", "DEN", "VON", "VAN", "TER", "TEN", "DA", "DI", "DO", "DOS", "OG", "I");

    /** Arabic and other name particles ("son of", article) and titles, which come and go between sources. */
    static final Set<String> PARTICLES_AND_TITLES = Set.of("AL", "BIN", "BEN", "IBN", "BINT", "BENT", "OULD",
            "MR", "MRS", "MS", "MISS", "DR", "PROF", "SIR", "SHAIKH", "SHEIKH", "SHEIK", "SHAYKH", "SHEYKH", "HAJJI", "HAJI", "MULLAH",
            "MAULANA", "MAULAVI", "MAWLAWI", "GEN", "GENERAL", "COL", "COLONEL", "CAPT", "CAPTAIN", "PRESIDENT",
            "JR", "SR");

    /** From this length a legal-form word may carry one typo (LIMTIED, COMMPANY), from the next two. */
    private static final int ONE_TYPO_LENGTH = 7;
    private static final int TWO_TYPOS_LENGTH = 10;
    /** From this length a legal-form word may carry a doubled letter (GRROUP, LTDDA); OOO and CO must not. */
    private static final int DOUBLED_LETTER_LENGTH = 4;

    /** Phrases whose first word is long enough to be recognised misspelled, longest phrase first. */
    static final List<Map.Entry<List<String>, String>> MISSPELLABLE_PHRASES = LEGAL_FORM_PHRASES.values().stream()
            .flatMap(List::stream)
            .filter(phrase -> phrase.getKey().get(0).length() >= ONE_TYPO_LENGTH)
            .sorted((a, b) -> Integer.compare(b.getKey().size(), a.getKey().size()))
            .toList();

    private static final List<String> MISSPELLABLE_FORMS = Stream.concat(
                    SPECIFIC_LEGAL_FORMS.stream(), GENERIC_LEGAL_FORMS.stream())
            .filter(form -> form.length() >= DOUBLED_LETTER_LENGTH).distinct().sorted().toList();

    private Vocabulary() {
    }

    /**
     * Legal-form words are recognised despite the typos a sign-up form shows: one edit in a word of seven
     * letters or more, two from ten ("AKTIENGESELSCHAFT"), a doubled letter from four. Left strong, a
     * misspelled "LIMTIED" would count as a distinctive word the listed name lacks.
     */
    static boolean isMisspelledForm(String word, String form) {
        int edits = form.length() >= TWO_TYPOS_LENGTH ? 2 : form.length() >= ONE_TYPO_LENGTH ? 1 : 0;
        boolean mayHaveDoubledLetter = form.length() >= DOUBLED_LETTER_LENGTH && word.length() > form.length();
        if (word.equals(form) || (Math.abs(word.length() - form.length()) > edits && !mayHaveDoubledLetter)) {
            return false;
        }
        // each edit changes at most two letters of the set of letters used; a doubled letter none
        int changedLetters = Integer.bitCount(Unit.lettersOf(word) ^ Unit.lettersOf(form));
        if (changedLetters > 2 * edits) {
            return false;
        }
        return (edits > 0 && EditDistance.within(word, form, edits))
                || (mayHaveDoubledLetter && changedLetters == 0
                        && TokenSimilarity.squeezed(word).equals(TokenSimilarity.squeezed(form)));
    }

    /** The one-word legal form ("INTERNATIONAL", "LTDA") a word is a misspelling of, or the word itself. */
    static String legalFormSpelledAs(String word) {
        if (isLegalForm(word)) {
            return word;
        }
        for (String form : MISSPELLABLE_FORMS) {
            if (isMisspelledForm(word, form)) {
                return form;
            }
        }
        return word;
    }

    /** Legal forms that tell apart kinds of company (GmbH, AG, LLC, JSC, ...), unlike generic ones (Ltd, Co). */
    public static boolean isSpecificLegalForm(String token) {
        return SPECIFIC_LEGAL_FORMS.contains(token);
    }

    static boolean isLegalForm(String token) {
        return isTypedLegalForm(token) || OrganisationTypes.CANONICAL_FORMS.contains(token);
    }

    /** A legal form of the hand-made tables here, as opposed to one read from {@link OrganisationTypes}. */
    static boolean isTypedLegalForm(String token) {
        return SPECIFIC_LEGAL_FORMS.contains(token) || GENERIC_LEGAL_FORMS.contains(token);
    }

    static boolean isWeak(String token) {
        return isLegalForm(token) || isStopwordOrParticle(token);
    }

    private static final Set<String> PATRONYMIC_PARTICLES = Set.of("BIN", "BEN", "IBN", "BINT", "BENT", "OULD");

    /** "Son of", "daughter of": the word after it names the father, the word before it the person. */
    public static boolean isPatronymicParticle(String token) {
        return PATRONYMIC_PARTICLES.contains(token);
    }

    public static boolean isStopwordOrParticle(String token) {
        return STOPWORDS.contains(token) || PARTICLES_AND_TITLES.contains(token);
    }

    private static Map<String, List<Map.Entry<List<String>, String>>> phrases(String[][] table) {
        Map<String, List<Map.Entry<List<String>, String>>> byFirstWord = new HashMap<>();
        for (String[] row : table) {
            List<String> words = Arrays.asList(row[0].split(" "));
            byFirstWord.computeIfAbsent(words.get(0), key -> new ArrayList<>()).add(Map.entry(words, row[1]));
        }
        byFirstWord.values().forEach(list -> list.sort((a, b) -> Integer.compare(b.getKey().size(), a.getKey().size())));
        return Map.copyOf(byFirstWord);
    }

    /** A word of a legal form phrase: equal, or misspelled. */
    static boolean phraseWordMatches(String word, String form) {
        return word.equals(form) || isMisspelledForm(word, form);
    }
}
