package io.tenantgate.screening.engine.normalize;

import io.tenantgate.screening.engine.match.EditDistance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    private static final int MISSPELLABLE_LENGTH = 10;
    private static final List<Map.Entry<List<String>, String>> LONG_SINGLE_WORD_FORMS =
            LEGAL_FORM_PHRASES.values().stream().flatMap(List::stream)
                    .filter(phrase -> phrase.getKey().size() == 1 && phrase.getKey().get(0).length() >= MISSPELLABLE_LENGTH)
                    .toList();
    private static final int MISSPELLED_EDITS = 2;

    private Vocabulary() {
    }

    /** Long spelled-out forms ("AKTIENGESELSCHAFT") are recognised despite a typo or two. */
    static boolean isMisspelledLongForm(String word, String form) {
        return form.length() >= MISSPELLABLE_LENGTH && !word.equals(form)
                && EditDistance.within(word, form, MISSPELLED_EDITS);
    }

    /** Legal forms that tell apart kinds of company (GmbH, AG, LLC, JSC, ...), unlike generic ones (Ltd, Co). */
    public static boolean isSpecificLegalForm(String token) {
        return SPECIFIC_LEGAL_FORMS.contains(token);
    }

    static boolean isLegalForm(String token) {
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

    /** Phrases of several words, by the first word when it is long enough to be recognised misspelled. */
    static final List<Map.Entry<List<String>, String>> LONG_FIRST_WORD_PHRASES = LEGAL_FORM_PHRASES.values().stream()
            .flatMap(List::stream)
            .filter(phrase -> phrase.getKey().size() > 1 && phrase.getKey().get(0).length() >= MISSPELLABLE_LENGTH)
            .toList();

    /** A word of a legal form phrase: equal, or a long one misspelled. */
    static boolean phraseWordMatches(String word, String form) {
        return word.equals(form) || isMisspelledLongForm(word, form);
    }

    /** Long single-word forms, which are also recognised misspelled. */
    static List<Map.Entry<List<String>, String>> longSingleWordForms() {
        return LONG_SINGLE_WORD_FORMS;
    }
}
