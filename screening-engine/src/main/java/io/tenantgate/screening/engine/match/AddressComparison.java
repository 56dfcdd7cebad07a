package io.tenantgate.screening.engine.match;

import io.tenantgate.screening.engine.model.EntryType;
import io.tenantgate.screening.engine.normalize.NameNormalizer;
import io.tenantgate.screening.engine.normalize.NameToken;
import io.tenantgate.screening.engine.normalize.TokenKind;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How well a query address covers a listed address, in [0, 1]: the share of the listed address's words
 * found in the query, common abbreviations expanded; zero unless every number (house, room, floor,
 * postcode) of the listed address is in the query, since one digit apart is another building.
 */
public final class AddressComparison {

    private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
            Map.entry("RD", "ROAD"), Map.entry("ST", "STREET"), Map.entry("STR", "STREET"), Map.entry("AVE", "AVENUE"),
            Map.entry("AV", "AVENUE"), Map.entry("BLVD", "BOULEVARD"), Map.entry("BLDG", "BUILDING"),
            Map.entry("RM", "ROOM"), Map.entry("FL", "FLOOR"), Map.entry("FLR", "FLOOR"), Map.entry("STE", "SUITE"),
            Map.entry("DIST", "DISTRICT"), Map.entry("UL", "ULITSA"), Map.entry("PR", "PROSPEKT"),
            Map.entry("HWY", "HIGHWAY"), Map.entry("LN", "LANE"), Map.entry("SQ", "SQUARE"), Map.entry("TWR", "TOWER"));

    private AddressComparison() {
    }

    public static double score(String query, String listed) {
        Set<String> queryWords = words(query);
        Set<String> listedWords = words(listed);
        if (listedWords.isEmpty()) {
            return 0.0;
        }
        boolean numbersAgree = listedWords.stream().filter(AddressComparison::isNumber).allMatch(queryWords::contains);
        if (!numbersAgree) {
            return 0.0;
        }
        long found = listedWords.stream().filter(queryWords::contains).count();
        return (double) found / listedWords.size();
    }

    private static Set<String> words(String address) {
        return NameNormalizer.normalize(address, EntryType.ADDRESS).tokens().stream()
                .filter(token -> token.kind() != TokenKind.WEAK)
                .map(NameToken::text)
                .map(word -> ABBREVIATIONS.getOrDefault(word, word))
                .collect(Collectors.toSet());
    }

    private static boolean isNumber(String word) {
        return word.chars().anyMatch(Character::isDigit);
    }
}
