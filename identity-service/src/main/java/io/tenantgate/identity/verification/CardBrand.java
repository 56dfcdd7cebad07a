package io.tenantgate.identity.verification;

import java.util.List;
import java.util.Set;

/**
 * Card families recognised by their issuer identification number (IIN) ranges and allowed lengths.
 * Declared in match order: Maestro's broad ranges come after the networks they overlap.
 */
public enum CardBrand {
    VISA(Set.of(13, 16, 19), "4"),
    MASTERCARD(Set.of(16), "51-55", "2221-2720"),
    AMERICAN_EXPRESS(Set.of(15), "34", "37"),
    DISCOVER(Set.of(16, 17, 18, 19), "6011", "644-649", "65"),
    JCB(Set.of(16, 17, 18, 19), "3528-3589"),
    UNIONPAY(Set.of(16, 17, 18, 19), "62"),
    DINERS_CLUB(Set.of(14, 15, 16, 17, 18, 19), "36", "300-305", "38-39"),
    MIR(Set.of(16, 17, 18, 19), "2200-2204"),
    MAESTRO(Set.of(12, 13, 14, 15, 16, 17, 18, 19), "50", "56-69"),
    UNKNOWN(Set.of(12, 13, 14, 15, 16, 17, 18, 19));

    private final Set<Integer> lengths;
    private final List<String> iinRanges;

    CardBrand(Set<Integer> lengths, String... iinRanges) {
        this.lengths = lengths;
        this.iinRanges = List.of(iinRanges);
    }

    public static CardBrand of(String digits) {
        for (CardBrand brand : values()) {
            if (brand.iinRanges.stream().anyMatch(range -> inRange(digits, range))) {
                return brand;
            }
        }
        return UNKNOWN;
    }

    public boolean allowsLength(int length) {
        return lengths.contains(length);
    }

    public Set<Integer> lengths() {
        return lengths;
    }

    private static boolean inRange(String digits, String range) {
        String[] bounds = range.split("-");
        int width = bounds[0].length();
        if (digits.length() < width) {
            return false;
        }
        int prefix = Integer.parseInt(digits.substring(0, width));
        int low = Integer.parseInt(bounds[0]);
        int high = bounds.length == 1 ? low : Integer.parseInt(bounds[1]);
        return prefix >= low && prefix <= high;
    }
}
