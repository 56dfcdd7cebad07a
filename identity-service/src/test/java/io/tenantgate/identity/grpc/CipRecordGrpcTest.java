package io.tenantgate.identity.grpc;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tenantgate.common.testing.EmbeddedPostgresResource;
import io.tenantgate.common.testing.TestRoleSecurity;
import io.tenantgate.identity.cases.CaseRequest;
import io.tenantgate.identity.cases.CaseService;
import io.tenantgate.proto.identity.v1.CipRecord;
import io.tenantgate.proto.identity.v1.GetCipRecordRequest;
import io.tenantgate.proto.identity.v1.IdentityServiceGrpc;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** GetCipRecord serves reporting-service the customer's CIP data, by customer id or provider account id. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
class CipRecordGrpcTest {

    private static final ManagedChannel channel = Grpc.newChannelBuilder("localhost:"
                    + ConfigProvider.getConfig().getOptionalValue("quarkus.http.test-port", Integer.class).orElse(0),
            InsecureChannelCredentials.create()).build();

    @Inject
    CaseService cases;

    @Inject
    ObjectMapper json;

    @AfterAll
    static void closeChannel() {
        channel.shutdownNow();
    }

    @Test
    void reportingServiceReadsTheRecordByIdAndByAccount() {
        String account = "acct-" + UUID.randomUUID();
        String id = cases.open(json.convertValue(Map.of("kind", "ORGANIZATION", "legalName", "Kestrel Labs GmbH",
                "countries", List.of("DE"), "emails", List.of("cfo@kestrel.example"), "accountIds", List.of(account),
                "addresses", List.of(Map.of("lines", List.of("Torstrasse 1"), "city", "Berlin", "country", "DE")),
                "owners", List.of(Map.of("kind", "PERSON", "name", "Jana Vogel", "countries", List.of("DE"),
                        "percentage", 80))), CaseRequest.class), UUID.randomUUID().toString(), "signup", "signup").customerCase().id.toString();

        CipRecord byId = stub("reporting-service").getCipRecord(GetCipRecordRequest.newBuilder().setCustomerId(id).build());
        CipRecord byAccount = stub("reporting-service").getCipRecord(GetCipRecordRequest.newBuilder().setAccountId(account).build());

        assertEquals("Kestrel Labs GmbH", byId.getLegalName());
        assertEquals("Berlin", byId.getAddresses(0).getCity());
        assertEquals("Jana Vogel", byId.getBeneficialOwners(0).getName());
        assertEquals(80.0, byId.getBeneficialOwners(0).getPercentage());
        assertEquals(List.of(account), byId.getAccountIdsList());
        assertEquals(id, byAccount.getCustomerId());
    }

    @Test
    void unknownCustomersAndOtherCallersAreRefused() {
        var missing = assertThrows(StatusRuntimeException.class, () -> stub("reporting-service")
                .getCipRecord(GetCipRecordRequest.newBuilder().setCustomerId(UUID.randomUUID().toString()).build()));
        assertEquals(Status.Code.NOT_FOUND, missing.getStatus().getCode());

        var invalid = assertThrows(StatusRuntimeException.class, () -> stub("reporting-service")
                .getCipRecord(GetCipRecordRequest.newBuilder().setCustomerId("not-a-uuid").build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, invalid.getStatus().getCode());

        var forbidden = assertThrows(StatusRuntimeException.class, () -> stub("identity-service")
                .getCipRecord(GetCipRecordRequest.newBuilder().setAccountId("x").build()));
        assertEquals(Status.Code.PERMISSION_DENIED, forbidden.getStatus().getCode());
    }

    private static IdentityServiceGrpc.IdentityServiceBlockingStub stub(String role) {
        Metadata headers = new Metadata();
        headers.put(TestRoleSecurity.ROLE, role);
        return IdentityServiceGrpc.newBlockingStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }
}
