package io.tenantgate.reporting.reports;

/** DRAFT -> SUBMITTED -> ACKNOWLEDGED or REJECTED. Only a draft changes; a filed report is corrected by an amendment. */
public enum ReportStatus { DRAFT, SUBMITTED, ACKNOWLEDGED, REJECTED }
