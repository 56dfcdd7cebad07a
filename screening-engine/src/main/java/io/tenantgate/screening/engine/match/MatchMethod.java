package io.tenantgate.screening.engine.match;

/** Why two name tokens were paired. */
public enum MatchMethod {
    EXACT,
    /** Within the edit distance allowed for the word length; scored by Jaro-Winkler. */
    EDIT,
    /** Same consonant skeleton ({@link io.tenantgate.screening.engine.normalize.PhoneticKey}). */
    PHONETIC,
    /** A given name and its nickname or short form ({@link io.tenantgate.screening.engine.normalize.GivenNames}). */
    NICKNAME,
    /** A single letter agreeing with the first letter of a word. */
    INITIAL
}
