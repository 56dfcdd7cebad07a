package io.tenantgate.screening.engine.match;

import io.tenantgate.screening.engine.model.Countries;
import io.tenantgate.screening.engine.model.EntryType;
import io.tenantgate.screening.engine.normalize.NameNormalizer;
import io.tenantgate.screening.engine.normalize.NameToken;
import io.tenantgate.screening.engine.normalize.NormalizedName;
import io.tenantgate.screening.engine.normalize.PhoneticKey;
import io.tenantgate.screening.engine.normalize.TokenKind;
import io.tenantgate.screening.engine.normalize.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A normalised name prepared for scoring: its units (tokens and adjacent joins) and totals. Immutable. */
public final class ComparableName {

    /** Positions are bits of a long; the few longer names keep their first 63 tokens. */
    private static final int MAX_TOKENS = 63;
    private static final int MIN_COUNTRY_NAME = 4;
    private static final int MAX_JOINED_PARTICLES = 3;

    private final NormalizedName normalized;
    private final Unit[] units;
    private final double totalWeight;
    private final long strongMask;
    private final long initialMask;
    private final long numberMask;
    /** Country names in an organisation's name: subsidiaries are named by country. */
    private final long countryMask;
    /** Words right before a patronymic particle (the person's own name) and right after it (the father's). */
    private final long ownNameMask;
    private final long fatherNameMask;
    private final Set<String> specificLegalForms;

    private ComparableName(NormalizedName normalized) {
        this.normalized = normalized;
        List<NameToken> tokens = normalized.tokens().subList(0, Math.min(MAX_TOKENS, normalized.tokens().size()));
        List<Unit> all = new ArrayList<>(tokens.size() * 2);
        long strong = 0;
        long initials = 0;
        long numbers = 0;
        double total = 0;
        for (int i = 0; i < tokens.size(); i++) {
            NameToken token = tokens.get(i);
            boolean isStrong = token.kind() == TokenKind.STRONG;
            strong |= isStrong ? 1L << i : 0;
            initials |= token.kind() == TokenKind.INITIAL ? 1L << i : 0;
            numbers |= token.hasDigit() ? 1L << i : 0;
            total += token.weight();
            all.add(new Unit(token.text(), token.phoneticKey(), token.weight(), 1L << i, false, token.hasDigit(), isStrong,
                    normalized.script()));
        }
        long countries = 0;
        long own = 0;
        long father = 0;
        for (int i = 0; i < tokens.size(); i++) {
            String text = tokens.get(i).text();
            if (normalized.organisation() && tokens.get(i).kind() == TokenKind.STRONG && text.length() >= MIN_COUNTRY_NAME
                    && Countries.isCountryName(text)) {
                countries |= 1L << i;
            }
            if (Vocabulary.isPatronymicParticle(text) && tokens.get(i).kind() == TokenKind.WEAK) {
                own |= i > 0 ? 1L << (i - 1) : 0;
                father |= i + 1 < tokens.size() ? 1L << (i + 1) : 0;
            }
        }
        for (int i = 0; i + 2 < tokens.size(); i++) {
            // particles written together with the name they introduce: VAN DER BILT is VANDERBILT
            int end = i;
            while (end < tokens.size() && end - i < MAX_JOINED_PARTICLES && tokens.get(end).kind() == TokenKind.WEAK
                    && Vocabulary.isStopwordOrParticle(tokens.get(end).text())) {
                end++;
            }
            if (end - i >= 2 && end < tokens.size() && tokens.get(end).kind() == TokenKind.STRONG) {
                StringBuilder text = new StringBuilder();
                double weight = 0;
                for (int t = i; t <= end; t++) {
                    text.append(tokens.get(t).text());
                    weight += tokens.get(t).weight();
                }
                long mask = (-1L >>> (63 - (end - i))) << i;
                all.add(new Unit(text.toString(), PhoneticKey.of(text.toString()), weight, mask, true, false, true,
                        normalized.script()));
            }
        }
        for (int i = 0; i + 1 < tokens.size(); i++) {
            NameToken first = tokens.get(i);
            NameToken second = tokens.get(i + 1);
            if (first.kind() != TokenKind.INITIAL && second.kind() != TokenKind.INITIAL) {
                String text = first.text() + second.text();
                all.add(new Unit(text, PhoneticKey.of(text), first.weight() + second.weight(), 3L << i, true,
                        first.hasDigit() || second.hasDigit(),
                        first.kind() == TokenKind.STRONG || second.kind() == TokenKind.STRONG, normalized.script()));
            }
        }
        this.units = all.toArray(Unit[]::new);
        this.totalWeight = total;
        this.strongMask = strong;
        this.initialMask = initials;
        this.numberMask = numbers;
        this.countryMask = countries;
        this.ownNameMask = own;
        this.fatherNameMask = father;
        this.specificLegalForms = normalized.legalForms().stream()
                .filter(Vocabulary::isSpecificLegalForm).collect(Collectors.toUnmodifiableSet());
    }

    public static ComparableName of(String name, EntryType type) {
        return new ComparableName(NameNormalizer.normalize(name, type));
    }

    public static ComparableName of(NormalizedName normalized) {
        return new ComparableName(normalized);
    }

    public NormalizedName normalized() {
        return normalized;
    }

    public List<Unit> units() {
        return List.of(units);
    }

    public Unit[] unitArray() {
        return units;
    }

    public double totalWeight() {
        return totalWeight;
    }

    public long strongMask() {
        return strongMask;
    }

    long initialMask() {
        return initialMask;
    }

    long numberMask() {
        return numberMask;
    }

    long countryMask() {
        return countryMask;
    }

    long ownNameMask() {
        return ownNameMask;
    }

    long fatherNameMask() {
        return fatherNameMask;
    }

    /** A bit for every token position. */
    long allMask() {
        int tokens = Math.min(MAX_TOKENS, normalized.tokens().size());
        return tokens == 0 ? 0 : -1L >>> (64 - tokens);
    }

    /** A person's name written in Chinese characters or Hangul: a listed name with more words is someone else. */
    boolean everySyllable() {
        return normalized.everySyllable();
    }

    public int strongCount() {
        return Long.bitCount(strongMask);
    }

    Set<String> specificLegalForms() {
        return specificLegalForms;
    }

    public boolean isEmpty() {
        return units.length == 0;
    }
}
