package io.tenantgate.reporting.client;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.tenantgate.proto.common.v1.PartialDate;
import io.tenantgate.proto.identity.v1.BeneficialOwner;
import io.tenantgate.proto.identity.v1.CipRecord;
import io.tenantgate.proto.identity.v1.CustomerKind;
import io.tenantgate.proto.identity.v1.GetCipRecordRequest;
import io.tenantgate.proto.identity.v1.IdentityServiceGrpc;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * reporting-service's way to identity-service's CIP records, with reporting-service's own token (see
 * {@code ServiceTokenInterceptor}). gRPC types stay in this package. Failures are not retried here: the
 * callers keep what they could not finish and try again later.
 */
@ApplicationScoped
public class IdentityClient {

    private static final long DEADLINE_MS = 5000;

    private final IdentityServiceGrpc.IdentityServiceBlockingStub identity;

    public IdentityClient(@GrpcClient("identity") IdentityServiceGrpc.IdentityServiceBlockingStub identity) {
        this.identity = identity;
    }

    /** The customer holding the account; empty when identity-service knows no such account. */
    public Optional<CustomerIdentity> byAccount(String accountId) {
        return fetch(GetCipRecordRequest.newBuilder().setAccountId(accountId).build());
    }

    public Optional<CustomerIdentity> byCustomer(String customerId) {
        return fetch(GetCipRecordRequest.newBuilder().setCustomerId(customerId).build());
    }

    private Optional<CustomerIdentity> fetch(GetCipRecordRequest request) {
        try {
            return Optional.of(toIdentity(identity.withDeadlineAfter(DEADLINE_MS, TimeUnit.MILLISECONDS).getCipRecord(request)));
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return Optional.empty();
            }
            throw new IdentityUnavailableException("identity-service: " + e.getStatus().getCode()
                    + (e.getStatus().getDescription() == null ? "" : " " + e.getStatus().getDescription()), e);
        }
    }

    static CustomerIdentity toIdentity(CipRecord r) {
        return new CustomerIdentity(r.getCustomerId(), kind(r.getKind()), r.getLegalName(), List.copyOf(r.getOtherNamesList()),
                date(r.getDate()), List.copyOf(r.getCountriesList()),
                r.getAddressesList().stream().map(IdentityClient::address).toList(),
                List.copyOf(r.getEmailsList()), List.copyOf(r.getPhonesList()),
                r.getPaymentInstrumentsList().stream().map(p -> new CustomerIdentity.Payment(p.getType(), p.getLastDigits(),
                        p.getIssuingCountry(), p.getSourceOfFunds(), List.copyOf(p.getProviderReferencesList()))).toList(),
                r.getDocumentsList().stream().map(d -> new CustomerIdentity.Document(d.getType(), d.getMaskedNumber(),
                        d.getIssuingCountry())).toList(),
                List.copyOf(r.getAccountIdsList()),
                r.hasReseller() ? new CustomerIdentity.Reseller(r.getReseller().getResellerId(), r.getReseller().getName(),
                        r.getReseller().getCountry()) : null,
                r.getBeneficialOwnersList().stream().map(IdentityClient::owner).toList(),
                r.getAccessEventsList().stream().map(a -> new CustomerIdentity.Access(a.getIpAddress(), instant(a.getOccurredAt()),
                        a.getAction(), a.getAccountId(), a.getIpCountry())).toList(),
                switch (r.getPersonStatus()) {
                    case PERSON_STATUS_US_PERSON -> CustomerIdentity.PersonStatus.US_PERSON;
                    case PERSON_STATUS_FOREIGN_PERSON -> CustomerIdentity.PersonStatus.FOREIGN_PERSON;
                    default -> CustomerIdentity.PersonStatus.UNDETERMINED;
                },
                r.getVerified(), r.hasOpenedAt() ? instant(r.getOpenedAt()) : null,
                r.hasClosedAt() ? instant(r.getClosedAt()) : null);
    }

    private static CustomerIdentity.Owner owner(BeneficialOwner o) {
        return new CustomerIdentity.Owner(kind(o.getKind()), o.getName(), date(o.getDate()), List.copyOf(o.getCountriesList()),
                o.getAddressesList().stream().map(IdentityClient::address).toList(), o.getPercentage(), o.getControl(),
                o.getOwnersList().stream().map(IdentityClient::owner).toList());
    }

    private static CustomerIdentity.Address address(io.tenantgate.proto.common.v1.Address a) {
        return new CustomerIdentity.Address(List.copyOf(a.getLinesList()), a.getCity(), a.getRegion(), a.getPostalCode(),
                a.getCountry());
    }

    private static String kind(CustomerKind kind) {
        return switch (kind) {
            case CUSTOMER_KIND_PERSON -> "PERSON";
            case CUSTOMER_KIND_ORGANIZATION -> "ORGANIZATION";
            default -> "UNKNOWN";
        };
    }

    /** "1971", "1971-03" or "1971-03-09"; null when unknown. */
    private static String date(PartialDate d) {
        if (d.getYear() == 0) {
            return null;
        }
        StringBuilder text = new StringBuilder(String.format("%04d", d.getYear()));
        if (d.getMonth() > 0) {
            text.append(String.format("-%02d", d.getMonth()));
            if (d.getDay() > 0) {
                text.append(String.format("-%02d", d.getDay()));
            }
        }
        return text.toString();
    }

    private static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }

    /** identity-service could not answer; the caller tries again later. */
    public static class IdentityUnavailableException extends RuntimeException {
        public IdentityUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
