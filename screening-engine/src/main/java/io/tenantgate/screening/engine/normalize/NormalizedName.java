package io.tenantgate.screening.engine.normalize;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A name after normalisation: ASCII upper case tokens in reading order (given names before surname),
 * each classified, duplicates removed. {@code legalForms} holds the canonical legal forms it carries;
 * {@code script} is the writing the name came in. {@code everySyllable}: a person's name written in
 * Chinese characters, Hangul or kana, which spells every part of the name; there is no middle name or
 * patronymic that a romanised source would add. {@code organisation}: the name of a company, vessel or
 * aircraft.
 */
public record NormalizedName(String original, List<NameToken> tokens, List<String> legalForms, NameScript script,
                             boolean everySyllable, boolean organisation) {

    public NormalizedName {
        tokens = List.copyOf(tokens);
        legalForms = List.copyOf(legalForms);
    }

    public NormalizedName(String original, List<NameToken> tokens, List<String> legalForms, NameScript script) {
        this(original, tokens, legalForms, script, false, false);
    }

    public String text() {
        return tokens.stream().map(NameToken::text).collect(Collectors.joining(" "));
    }

    public double totalWeight() {
        return tokens.stream().mapToDouble(NameToken::weight).sum();
    }

    public boolean isEmpty() {
        return tokens.isEmpty();
    }
}
