package io.tenantgate.reporting.reports;

import io.tenantgate.reporting.client.CustomerIdentity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Assembles what each kind of report states, from the customer's CIP record and the facts at drafting
 * time. Plain data in, plain maps out: the caller stores them as canonical JSON.
 */
public final class ReportContents {

    private ReportContents() {
    }

    /** The large-training-run report: who the customer is (the CIP data the rule lists) and what the run did. */
    public static Map<String, Object> trainingRun(CustomerIdentity customer, RunFacts run, Instant draftedAt) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("reportType", ReportType.LARGE_AI_TRAINING_RUN.name());
        content.put("draftedAt", draftedAt);
        content.put("customer", customer(customer));
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("accountId", run.accountId());
        facts.put("runId", run.runId());
        facts.put("knowledgeAt", run.knowledgeAt());
        facts.put("dueAt", run.dueAt());
        facts.put("conditionsMet", run.detections());
        facts.put("runStart", run.runStart());
        facts.put("lastUsage", run.lastUsage());
        facts.put("operationsSoFar", run.operationsSoFar());
        facts.put("operationsThreshold", run.threshold());
        facts.put("operationsPerSecond", run.rate());
        facts.put("projectedCrossing", run.projectedCrossing());
        facts.put("dataType", run.biologicalSequenceData() ? "primarily biological sequence data"
                : "not primarily biological sequence data");
        facts.put("clusters", run.clusters());
        content.put("trainingRun", facts);
        return content;
    }

    /** The annual CIP certification: counts of foreign accounts per outcome in the period. */
    public static Map<String, Object> annualCertification(LocalDate periodStart, LocalDate periodEnd, String programVersion,
                                                          CipCounts counts, Instant draftedAt) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("reportType", ReportType.ANNUAL_CIP_CERTIFICATION.name());
        content.put("draftedAt", draftedAt);
        content.put("periodStart", periodStart);
        content.put("periodEnd", periodEnd);
        content.put("cipProgramVersion", programVersion);
        content.put("foreignAccountsOpened", counts.opened());
        content.put("foreignCustomersVerified", counts.verified());
        content.put("foreignCustomersFailedToVerify", counts.failedToVerify());
        content.put("foreignCustomersRejected", counts.rejected());
        content.put("foreignAccountsClosed", counts.closed());
        return content;
    }

    /** The verification failures of a period, one by one and per country. */
    public static Map<String, Object> verificationFailures(LocalDate periodStart, LocalDate periodEnd,
                                                           List<Failure> failures, Instant draftedAt) {
        Map<String, Long> byCountry = new TreeMap<>();
        failures.forEach(f -> byCountry.merge(f.customerCountry() == null ? "unknown" : f.customerCountry(), 1L, Long::sum));
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("reportType", ReportType.VERIFICATION_FAILURES_SUMMARY.name());
        content.put("draftedAt", draftedAt);
        content.put("periodStart", periodStart);
        content.put("periodEnd", periodEnd);
        content.put("total", failures.size());
        content.put("byCountry", byCountry);
        content.put("failures", failures);
        return content;
    }

    /** Marks content as the correction of an earlier report. */
    public static Map<String, Object> amending(Map<String, Object> content, String originalId, String reason) {
        Map<String, Object> amended = new LinkedHashMap<>(content);
        amended.put("amends", originalId);
        amended.put("amendmentReason", reason);
        return amended;
    }

    private static Map<String, Object> customer(CustomerIdentity c) {
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("customerId", c.customerId());
        customer.put("kind", c.kind());
        customer.put("legalName", c.legalName());
        customer.put("otherNames", c.otherNames());
        customer.put("dateOfBirthOrIncorporation", c.date());
        customer.put("countries", c.countries());
        customer.put("personStatus", c.personStatus().name());
        customer.put("verified", c.verified());
        customer.put("addresses", c.addresses());
        customer.put("meansAndSourceOfPayment", c.meansOfPayment());
        customer.put("emails", c.emails());
        customer.put("phones", c.phones());
        customer.put("identityDocuments", c.identityDocuments());
        customer.put("accountIds", c.accountIds());
        customer.put("reseller", c.reseller());
        customer.put("beneficialOwners", c.beneficialOwners());
        customer.put("ipAddresses", c.ipAddresses());
        return customer;
    }

    /** Distinct foreign customers per outcome in a period. */
    public record CipCounts(long opened, long verified, long failedToVerify, long rejected, long closed) {
    }

    public record Failure(String customerId, Instant occurredAt, String customerCountry, String outcome,
                          List<String> reasons) {
    }
}
