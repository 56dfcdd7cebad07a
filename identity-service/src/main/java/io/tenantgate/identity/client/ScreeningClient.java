package io.tenantgate.identity.client;

import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.tenantgate.identity.cases.CaseRequest;
import io.tenantgate.proto.screening.v1.GetListStatusRequest;
import io.tenantgate.proto.screening.v1.GetListStatusResponse;
import io.tenantgate.proto.screening.v1.Ownership;
import io.tenantgate.proto.screening.v1.Party;
import io.tenantgate.proto.screening.v1.ScreenRequest;
import io.tenantgate.proto.screening.v1.ScreenResponse;
import io.tenantgate.proto.screening.v1.ScreeningServiceGrpc;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * identity-service's only way to screening-service. Calls carry identity-service's own token
 * (see {@code ServiceTokenInterceptor}); gRPC types stay inside this package.
 */
@ApplicationScoped
public class ScreeningClient {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ScreeningClient.class);

    /** As the @Timeout of the calls below. */
    private static final java.time.Duration CALL_DEADLINE = java.time.Duration.ofSeconds(3);

    private final ScreeningServiceGrpc.ScreeningServiceBlockingStub screening;

    public ScreeningClient(@GrpcClient("screening") ScreeningServiceGrpc.ScreeningServiceBlockingStub screening) {
        this.screening = screening;
    }

    /**
     * Waits (up to the deadline) until screening-service answers on this channel with this service's token;
     * false when it did not.
     */
    public boolean awaitReachable(java.time.Duration deadline) {
        try {
            screening.withDeadlineAfter(deadline.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS).withWaitForReady()
                    .getListStatus(GetListStatusRequest.getDefaultInstance());
            return true;
        } catch (RuntimeException notYet) {
            LOG.debugf("screening-service not reachable: %s", notYet.getMessage());
            return false;
        }
    }

    /** The list versions screening-service currently screens against. */
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, retryOn = StatusRuntimeException.class)
    public List<ActiveList> activeLists() {
        GetListStatusResponse status = waitingForReady().getListStatus(GetListStatusRequest.getDefaultInstance());
        return status.getActiveVersionsList().stream()
                .map(v -> new ActiveList(v.getSource(), v.getVersion(), v.getEntryCount(),
                        Instant.ofEpochSecond(v.getImportedAt().getSeconds(), v.getImportedAt().getNanos())))
                .toList();
    }

    /**
     * Screens the customer (with its document numbers and wallet addresses) and every owner in one call, and the
     * foreign reseller it came through (if any) in a second; the references are "customer", "customer/owner0",
     * ... and "reseller".
     */
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    public ScreeningSummary screen(CaseRequest customer, List<ScreeningIdentifier> identifiers) {
        ScreenResponse response = waitingForReady().screen(ScreenRequest.newBuilder()
                .setParty(party("customer", customer.kind(), customer.legalName(), customer.otherNames(),
                        customer.countries(), customer.date(), customer.addresses(), customer.owners()).toBuilder()
                        .addAllIdentityNumbers(ScreenedParties.identityNumbers(customer, identifiers)))
                .build());
        List<ScreenResponse> responses = new java.util.ArrayList<>(List.of(response));
        if (customer.reseller() != null) {
            responses.add(waitingForReady().screen(ScreenRequest.newBuilder()
                    .setParty(ScreenedParties.reseller(customer.reseller()))
                    .build()));
        }
        return new ScreeningSummary(
                responses.stream().flatMap(r -> r.getMatchesList().stream()).map(ScreenedParties::hit).toList(),
                response.getOwnershipFindingsList().stream().map(f -> new ScreeningSummary.OwnershipFinding(
                        f.getRule(), f.getAggregatePercentage(),
                        f.getChainsList().stream().map(c -> List.copyOf(c.getPartyReferencesList())).toList(),
                        f.getChainsList().stream().anyMatch(c -> c.getControl()))).toList(),
                responses.stream().flatMap(r -> r.getJurisdictionFindingsList().stream())
                        .map(f -> new ScreeningSummary.JurisdictionFinding(f.getPartyReference(), f.getCountry(),
                                f.getBasis())).toList(),
                response.getListVersionsList().stream().map(v -> v.getSource() + ":" + v.getVersion()).toList(),
                response.getThreshold(),
                // two calls may be answered by replicas at different changes: the screening covers the older one
                responses.stream().mapToLong(ScreenResponse::getListChangeId).min().orElse(0));
    }

    /**
     * The stub for one call: it waits for a (re)connecting channel instead of failing at once, and gives up at the
     * call's own deadline. The deadline matters: a wait for a replica that died can outlast the @Timeout, which
     * only interrupts the caller, and a blocking gRPC call does not end on an interrupt.
     */
    private ScreeningServiceGrpc.ScreeningServiceBlockingStub waitingForReady() {
        return screening.withWaitForReady().withDeadlineAfter(CALL_DEADLINE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private static Party party(String reference, CaseRequest.Kind kind, String name, List<String> otherNames,
                               List<String> countries, CaseRequest.Date date, List<CaseRequest.Address> addresses,
                               List<CaseRequest.Owner> owners) {
        List<String> names = new java.util.ArrayList<>(List.of(name));
        names.addAll(otherNames);
        Party.Builder party = ScreenedParties.party(reference, kind, names, countries, date, addresses);
        for (int i = 0; i < owners.size(); i++) {
            CaseRequest.Owner owner = owners.get(i);
            party.addOwners(Ownership.newBuilder().setPercentage(owner.percentage()).setControl(owner.control())
                    .setOwner(party(reference + "/owner" + i, owner.kind(), owner.name(), List.of(), owner.countries(),
                            owner.date(), owner.addresses(), owner.owners())));
        }
        return party.build();
    }

    public record ActiveList(String source, long version, int entryCount, Instant importedAt) {
    }
}
