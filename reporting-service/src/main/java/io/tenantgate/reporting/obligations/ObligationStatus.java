package io.tenantgate.reporting.obligations;

/** Whether a reportable run owes a report. */
public enum ObligationStatus {
    /** identity-service has not said yet whether the customer is a foreign person; asked again later. */
    PENDING_IDENTITY,
    /** The customer is a foreign person: a report is due. */
    DUE,
    /** The customer is a US person: the rule asks for no report; the reason is kept. */
    NOT_DUE
}
