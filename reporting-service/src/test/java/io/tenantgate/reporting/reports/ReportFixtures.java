package io.tenantgate.reporting.reports;

import com.google.protobuf.Timestamp;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tenantgate.proto.common.v1.Address;
import io.tenantgate.proto.identity.v1.AccessEvent;
import io.tenantgate.proto.identity.v1.BeneficialOwner;
import io.tenantgate.proto.identity.v1.CipRecord;
import io.tenantgate.proto.identity.v1.CustomerKind;
import io.tenantgate.proto.identity.v1.PaymentInstrument;
import io.tenantgate.proto.identity.v1.PersonStatus;
import io.tenantgate.reporting.clusters.ClusterRegistry;
import io.tenantgate.reporting.detection.UsageRecord;
import io.tenantgate.reporting.obligations.ObligationStatus;
import io.tenantgate.reporting.obligations.ReportObligation;
import io.tenantgate.reporting.testing.FakeIdentityService;
import io.tenantgate.reporting.usage.UsageIntakeService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.fail;

/** Builds reportable runs and CIP records for the report tests, through the real intake. */
@ApplicationScoped
public class ReportFixtures {

    static final Instant START = Instant.now().minus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    private final ClusterRegistry clusters;
    private final UsageIntakeService usage;
    private final EntityManager entities;
    private final ReportService reports;

    public ReportFixtures(ClusterRegistry clusters, UsageIntakeService usage, EntityManager entities,
                          ReportService reports) {
        this.clusters = clusters;
        this.usage = usage;
        this.entities = entities;
        this.reports = reports;
    }

    /** A customer known to the fake identity-service, and a run of its account over 10^26 operations. */
    public Customer reportableRun(PersonStatus status, String country) {
        String account = "acct-" + UUID.randomUUID();
        String customerId = UUID.randomUUID().toString();
        FakeIdentityService.register(cip(customerId, account, status, country));
        runOver(account);
        return new Customer(customerId, account);
    }

    public void runOver(String account) {
        String cluster = "c-" + UUID.randomUUID().toString().substring(0, 8);
        clusters.put(cluster, new ClusterRegistry.ClusterSpec("us-east-1a", "H100", 100_000, 1e15, 400), null);
        var result = usage.ingest(List.of(new UsageRecord(UUID.randomUUID().toString(), account, "run-1", cluster, "H100",
                100_000, START, START.plus(30, ChronoUnit.DAYS), 0, 1.1e26, false)));
        if (result.detections().isEmpty()) {
            fail("the run was not detected: " + result);
        }
    }

    /** The obligation of the account's run once identity-service's answer has been applied. */
    public ReportObligation decided(String account) {
        return await("obligation of " + account + " decided", () -> obligation(account)
                .filter(o -> o.status != ObligationStatus.PENDING_IDENTITY).orElse(null));
    }

    public java.util.Optional<ReportObligation> obligation(String account) {
        return QuarkusTransaction.requiringNew().call(() -> entities.createQuery(
                        "from ReportObligation where accountId = ?1", ReportObligation.class)
                .setParameter(1, account).getResultStream().findFirst());
    }

    /** The first pair of eyes: a supervisor other than the test's user approves the draft; the new version. */
    public long approvedByAnother(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> reports.approve(id, entities.find(Report.class, id).version,
                "sam-the-supervisor").version);
    }

    public Report report(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> entities.find(Report.class, id));
    }

    public UUID draftOf(long obligationId) {
        return QuarkusTransaction.requiringNew().call(() -> entities.createQuery(
                        "select r.id from Report r where r.obligationId = ?1 and r.amends is null", UUID.class)
                .setParameter(1, obligationId).getSingleResult());
    }

    public static <T> T await(String what, Supplier<T> probe) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return fail("timed out waiting for: " + what);
    }

    public static CipRecord cip(String customerId, String account, PersonStatus status, String country) {
        return CipRecord.newBuilder().setCustomerId(customerId).setKind(CustomerKind.CUSTOMER_KIND_ORGANIZATION)
                .setLegalName("Kestrel Labs GmbH").addOtherNames("Kestrel AI").addCountries(country)
                .addAddresses(Address.newBuilder().addLines("Torstrasse 1").setCity("Berlin").setPostalCode("10119")
                        .setCountry(country))
                .addEmails("cfo@kestrel.example").addPhones("+4930123456")
                .addPaymentInstruments(PaymentInstrument.newBuilder().setType("card").setLastDigits("4242")
                        .setIssuingCountry(country).setSourceOfFunds("company revenue").addProviderReferences("billing-77"))
                .addAccountIds(account)
                .addBeneficialOwners(BeneficialOwner.newBuilder().setKind(CustomerKind.CUSTOMER_KIND_PERSON)
                        .setName("Jana Vogel").addCountries(country).setPercentage(80))
                .addAccessEvents(AccessEvent.newBuilder().setIpAddress("203.0.113.7")
                        .setOccurredAt(Timestamp.newBuilder().setSeconds(1_767_225_600L)).setAction("admin:create-api-key")
                        .setAccountId(account).setIpCountry(country))
                .setPersonStatus(status).setVerified(true)
                .build();
    }

    public record Customer(String customerId, String account) {
    }
}
