package io.tenantgate.screening.engine.normalize;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A name after normalisation: ASCII upper case tokens in reading order (given names before surname),
 * each classified, duplicates removed. {@code legalForms} holds the canonical legal forms it carries;
 * {@code script} is the writing the name came in.
 */
public record NormalizedName(String original, List<NameToken> tokens, List<String> legalForms, NameScript script) {

    public NormalizedName {
        tokens = List.copyOf(tokens);
        legalForms = List.copyOf(legalForms);
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
