package io.tenantgate.identity.client;

import io.tenantgate.identity.cases.CaseRequest;
import io.tenantgate.proto.screening.v1.ChangeSubject;
import io.tenantgate.proto.screening.v1.Party;
import io.tenantgate.proto.screening.v1.ScreenAgainstChangeRequest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DeltaScreeningClientTest {

    /**
     * Re-screening after a list change covers every party the first screening covered, the reseller included, and
     * the customer's contacts, document numbers and wallet addresses.
     */
    @Test
    void aSubjectCarriesTheCustomerItsOwnersItsResellerAndItsNumbers() {
        CaseRequest customer = new CaseRequest(CaseRequest.Kind.ORGANIZATION, "Bluewater Compute LLC", List.of(), null,
                List.of("AE"), List.of(), List.of("ops@bluewater.example"), List.of(), List.of(),
                new CaseRequest.Reseller("Gulf Cloud Resale FZE", "AE", true),
                List.of(new CaseRequest.Owner(CaseRequest.Kind.PERSON, "Omar Haddad", null, List.of("AE"), List.of(), 60,
                        false, List.of())));

        ChangeSubject subject = DeltaScreeningClient.subject(new DeltaScreener.Subject(UUID.randomUUID(), customer,
                List.of(new ScreeningIdentifier("passport", "X1234567", "AE"),
                        new ScreeningIdentifier("digital currency address", "0x8576acc5c05d6ce88f4e49bf65bdf0c62f91353c", null))));

        assertThat(subject.getPartiesList()).extracting(Party::getReference)
                .containsExactly("customer", "customer/owner0", "reseller");
        Party reseller = subject.getParties(2);
        assertThat(reseller.getNamesList()).containsExactly("Gulf Cloud Resale FZE");
        assertThat(reseller.getCountriesList()).containsExactly("AE");
        assertThat(subject.getParties(0).getIdentityNumbersList()).extracting(number -> number.getType() + " " + number.getNumber()
                        + " " + number.getIssuingCountry())
                .containsExactly("email ops@bluewater.example ", "passport X1234567 AE",
                        "digital currency address 0x8576acc5c05d6ce88f4e49bf65bdf0c62f91353c ");
    }

    /** Batches hold at most 500 subjects and a megabyte, whatever the customers' owners, and keep every subject in order. */
    @Test
    void batchesStayWellInsideTheLargestGrpcMessage() {
        List<CaseRequest.Owner> owners = java.util.stream.IntStream.range(0, 150).mapToObj(i -> new CaseRequest.Owner(
                CaseRequest.Kind.ORGANIZATION, "Holding Company Number " + i + " " + "x".repeat(200), null, List.of("AE"),
                List.of(), 0.5, false, List.of())).toList();
        List<DeltaScreener.Subject> subjects = new java.util.ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            CaseRequest customer = new CaseRequest(CaseRequest.Kind.ORGANIZATION, "Customer " + i, List.of(), null,
                    List.of("AE"), List.of(), List.of(), List.of(), List.of(), null, i < 100 ? owners : List.of());
            subjects.add(new DeltaScreener.Subject(UUID.randomUUID(), customer, List.of()));
        }

        List<ScreenAgainstChangeRequest> batches = DeltaScreeningClient.batches(7, subjects);

        assertThat(batches).allSatisfy(batch -> {
            assertThat(batch.getSubjectsCount()).isBetween(1, DeltaScreeningClient.BATCH);
            assertThat(batch.getSerializedSize()).isLessThanOrEqualTo(DeltaScreeningClient.BATCH_BYTES + 64);
            assertThat(batch.getChangeId()).isEqualTo(7);
        });
        assertThat(batches.size()).isGreaterThan(3); // the first hundred customers alone are several megabytes
        assertThat(batches.stream().flatMap(batch -> batch.getSubjectsList().stream()).map(ChangeSubject::getSubjectId))
                .containsExactlyElementsOf(subjects.stream().map(subject -> subject.caseId().toString()).toList());
        int position = 0;
        for (ScreenAgainstChangeRequest batch : batches) {
            assertThat(batch.getBatchId()).isEqualTo(String.valueOf(position));
            position += batch.getSubjectsCount();
        }
    }
}
