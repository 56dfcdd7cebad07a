package io.tenantgate.screening.engine.normalize;

/** How much a token of a name says about who is meant. */
public enum TokenKind {
    /** A given name, surname or distinctive word. */
    STRONG(1.0),
    /** A single letter: agrees with any word starting with it, but says little. */
    INITIAL(0.3),
    /** Legal forms, stopwords, titles and name particles. */
    WEAK(0.2);

    private final double weight;

    TokenKind(double weight) {
        this.weight = weight;
    }

    public double weight() {
        return weight;
    }
}
