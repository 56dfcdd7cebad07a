package io.tenantgate.identity.grpc;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
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

import java.time.OffsetDateTime;

/**
 * gRPC face of identity-service: the CIP record reporting-service puts into a report. Only reporting-service
 * may read it. Documents, payment instruments and access events join the record as those parts of the case
 * are collected.
 */
@GrpcService
@Blocking
@RolesAllowed("reporting-service")
public class IdentityGrpcService extends IdentityServiceGrpc.IdentityServiceImplBase {

    private final CaseService cases;

    public IdentityGrpcService(CaseService cases) {
        this.cases = cases;
    }

    @Override
    public void getCipRecord(GetCipRecordRequest request, StreamObserver<CipRecord> response) {
        try {
            CustomerCase found = cases.find(request.getCustomerId(), request.getAccountId())
                    .orElseThrow(() -> Status.NOT_FOUND.withDescription("no customer with that id or account id")
                            .asRuntimeException());
            response.onNext(toRecord(found));
            response.onCompleted();
        } catch (ProblemException invalid) {
            response.onError(Status.INVALID_ARGUMENT.withDescription(invalid.problem().detail()).asRuntimeException());
        }
    }

    private static CipRecord toRecord(CustomerCase c) {
        CaseRequest p = c.profile;
        CipRecord.Builder record = CipRecord.newBuilder()
                .setCustomerId(c.id.toString())
                .setKind(kind(p.kind()))
                .setLegalName(p.legalName()).addAllOtherNames(p.otherNames())
                .addAllCountries(p.countries())
                .addAllAddresses(p.addresses().stream().map(IdentityGrpcService::address).toList())
                .addAllEmails(p.emails()).addAllPhones(p.phones()).addAllAccountIds(p.accountIds())
                .addAllBeneficialOwners(p.owners().stream().map(IdentityGrpcService::owner).toList())
                .setPersonStatus(PersonStatus.valueOf("PERSON_STATUS_" + c.personStatus.name()
                        .replace("UNDETERMINED", "UNSPECIFIED")))
                .setDecision(Decision.valueOf("DECISION_" + c.decision.name()))
                .setRiskScore(c.riskScore)
                .setOpenedAt(timestamp(c.createdAt));
        // "verified" stays false until verification results are stored with the case: an approval after
        // screening is not a verified identity.
        if (p.date() != null) {
            record.setDate(date(p.date()));
        }
        if (p.reseller() != null) {
            record.setReseller(Reseller.newBuilder().setName(p.reseller().name()).setCountry(p.reseller().country()));
        }
        if (c.closedAt != null) {
            record.setClosedAt(timestamp(c.closedAt));
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
