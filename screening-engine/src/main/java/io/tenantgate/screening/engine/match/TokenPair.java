package io.tenantgate.screening.engine.match;

/** Two aligned units of a query name and a list name, with their similarity and why they were paired. */
public record TokenPair(String queryToken, String listToken, double score, MatchMethod method) {
}
