package io.tenantgate.reporting.reports;

public enum ReportType {
    /** A foreign customer's training run that meets the reporting conditions (due within 15 days of knowledge). */
    LARGE_AI_TRAINING_RUN,
    /** The yearly certification of the CIP: foreign accounts opened, verified, not verified, closed. */
    ANNUAL_CIP_CERTIFICATION,
    /** The identity verifications that failed in a period. */
    VERIFICATION_FAILURES_SUMMARY
}
