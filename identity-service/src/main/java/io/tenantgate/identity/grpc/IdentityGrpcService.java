package io.tenantgate.identity.grpc;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.tenantgate.common.grpc.EventLoopAnswers;
import io.tenantgate.common.problem.ProblemException;
import io.tenantgate.identity.cases.CaseRequest;
import io.tenantgate.identity.cases.CaseService;
import io.tenantgate.identity.cases.CustomerCase;
import io.tenantgate.proto.common.v1.Address;
import io.tenantgate.proto.common.v1.PartialDate;
import io.tenantgate.proto.identity.v1.BeneficialOwner;
import io.tenantgate.proto.identity.v1.CipRecord;
import io.tenantgate.proto.identity.v1.CustomerKind;
import io.tenantgate.proto.identity.v1.Decision;
import io.tenantgate.proto.identity.v1.GetCipRecordRequest;
import io.tenantgate.proto.identity.v1.IdentityServiceGrpc;
import io.tenantgate.proto.identity.v1.PersonStatus;
import io.tenantgate.proto.identity.v1.Reseller;
import jakarta.annotation.security.RolesAllowed;

import io.tenantgate.identity.access.AccessLogService;
import io.tenantgate.identity.cases.CaseEvidence;
import io.tenantgate.identity.evidence.EvidenceRepository;
import io.tenantgate.identity.evidence.IdentityDocument;
import io.tenantgate.identity.evidence.PaymentInstrument;
import io.tenantgate.decision.signals.CheckResult;
import io.tenantgate.proto.identity.v1.AccessEvent;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * gRPC face of identity-service: the CIP record reporting-service puts into a report. Only reporting-service
 * may read it. Numbers of documents and payment instruments are sent masked.
 */
@GrpcService
@Blocking
@RolesAllowed("reporting-service")
public class IdentityGrpcService extends IdentityServiceGrpc.IdentityServiceImplBase {

    /** A report lists accesses since a date; more than this many in one record is not a report any more. */
    private static final int MAX_ACCESS_EVENTS = 5000;

    private final CaseService cases;
    private final EvidenceRepository evidence;
    private final AccessLogService accessLog;

    public IdentityGrpcService(CaseService cases, EvidenceRepository evidence, AccessLogService accessLog) {
        this.cases = cases;
        this.evidence = evidence;
        this.accessLog = accessLog;
    }

    @Override
    public void getCipRecord(GetCipRecordRequest request, StreamObserver<CipRecord> call) {
        StreamObserver<CipRecord> response = EventLoopAnswers.of(call);
        try {
            Optional<CustomerCase> known = cases.find(request.getCustomerId(), request.getAccountId());
            if (known.isEmpty()) {
                response.onError(Status.NOT_FOUND.withDescription("no customer with that id or account id").asRuntimeException());
                return;
            }
            CustomerCase found = known.get();
            OffsetDateTime since = request.hasAccessEventsSince() ? OffsetDateTime.ofInstant(java.time.Instant.ofEpochSecond(
                    request.getAccessEventsSince().getSeconds(), request.getAccessEventsSince().getNanos()),
                    java.time.ZoneOffset.UTC) : null;
            List<IdentityDocument> documents = evidence.documents(found.id);
            List<PaymentInstrument> payments = evidence.payments(found.id);
            response.onNext(toRecord(found, documents, payments,
                    found.profile() == null ? List.of() : accessLog.list(found.id, since, 0, MAX_ACCESS_EVENTS),
                    evidence.evidenceOf(found.id, documents, payments)));
            response.onCompleted();
        } catch (ProblemException invalid) {
            response.onError(Status.INVALID_ARGUMENT.withDescription(invalid.problem().detail()).asRuntimeException());
        }
    }

    private static CipRecord toRecord(CustomerCase c, List<IdentityDocument> documents, List<PaymentInstrument> payments,
                                      List<AccessLogService.LoggedAccess> accesses, CaseEvidence evidence) {
        CipRecord.Builder record = CipRecord.newBuilder()
                .setCustomerId(c.id.toString())
                .setKind(kind(c.kind))
                .setPersonStatus(PersonStatus.valueOf("PERSON_STATUS_" + c.personStatus.name()
                        .replace("UNDETERMINED", "UNSPECIFIED")))
                .setDecision(Decision.valueOf("DECISION_" + c.decision.name()))
                .setRiskScore(c.riskScore)
                .setOpenedAt(timestamp(c.createdAt));
        if (c.closedAt != null) {
            record.setClosedAt(timestamp(c.closedAt));
        }
        CaseRequest p = c.profile();
        if (p == null) {
            return record.setLegalName(c.legalName).build(); // personal data erased after the retention period
        }
        // Verified: at least one identity document, and no document, payment or duplicate check failed.
        record.setVerified(!documents.isEmpty() && evidence.checks().stream().noneMatch(CheckResult::failed));
        documents.forEach(d -> {
            io.tenantgate.proto.identity.v1.IdentityDocument.Builder document = io.tenantgate.proto.identity.v1.IdentityDocument
                    .newBuilder().setType(d.type.name().toLowerCase(java.util.Locale.ROOT))
                    .setMaskedNumber("*****" + d.lastDigits).setIssuingCountry(d.issuingCountry);
            if (d.expiry != null) {
                document.setExpiry(PartialDate.newBuilder().setYear(d.expiry.getYear())
                        .setMonth(d.expiry.getMonthValue()).setDay(d.expiry.getDayOfMonth()));
            }
            record.addDocuments(document);
        });
        payments.forEach(pi -> record.addPaymentInstruments(io.tenantgate.proto.identity.v1.PaymentInstrument.newBuilder()
                .setType(pi.type.name().toLowerCase(java.util.Locale.ROOT))
                .setLastDigits(nullToEmpty(pi.lastDigits)).setIssuingCountry(nullToEmpty(pi.issuingCountry))
                .setSourceOfFunds(pi.sourceOfFunds).addAllProviderReferences(pi.providerReferences)));
        accesses.forEach(a -> record.addAccessEvents(AccessEvent.newBuilder().setOccurredAt(timestamp(a.at()))
                .setIpAddress(a.ip()).setAction(a.action()).setIpCountry(nullToEmpty(a.country()))));
        record
                .setLegalName(p.legalName()).addAllOtherNames(p.otherNames())
                .addAllCountries(p.countries())
                .addAllAddresses(p.addresses().stream().map(IdentityGrpcService::address).toList())
                .addAllEmails(p.emails()).addAllPhones(p.phones()).addAllAccountIds(p.accountIds())
                .addAllBeneficialOwners(p.owners().stream().map(IdentityGrpcService::owner).toList());
        if (p.date() != null) {
            record.setDate(date(p.date()));
        }
        if (p.reseller() != null) {
            record.setReseller(Reseller.newBuilder().setName(p.reseller().name()).setCountry(p.reseller().country()));
        }
        return record.build();
    }

    private static BeneficialOwner owner(CaseRequest.Owner o) {
        BeneficialOwner.Builder owner = BeneficialOwner.newBuilder().setKind(kind(o.kind())).setName(o.name())
                .addAllCountries(o.countries())
                .addAllAddresses(o.addresses().stream().map(IdentityGrpcService::address).toList())
                .setPercentage(o.percentage()).setControl(o.control())
                .addAllOwners(o.owners().stream().map(IdentityGrpcService::owner).toList());
        if (o.date() != null) {
            owner.setDate(date(o.date()));
        }
        return owner.build();
    }

    private static Address address(CaseRequest.Address a) {
        return Address.newBuilder().addAllLines(a.lines()).setCity(nullToEmpty(a.city()))
                .setRegion(nullToEmpty(a.region())).setPostalCode(nullToEmpty(a.postalCode()))
                .setCountry(a.country()).build();
    }

    private static CustomerKind kind(CaseRequest.Kind kind) {
        return kind == CaseRequest.Kind.PERSON ? CustomerKind.CUSTOMER_KIND_PERSON : CustomerKind.CUSTOMER_KIND_ORGANIZATION;
    }

    private static PartialDate date(CaseRequest.Date d) {
        return PartialDate.newBuilder().setYear(d.year()).setMonth(d.month()).setDay(d.day()).build();
    }

    private static Timestamp timestamp(OffsetDateTime time) {
        return Timestamp.newBuilder().setSeconds(time.toEpochSecond()).setNanos(time.getNano()).build();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
