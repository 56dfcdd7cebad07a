package io.tenantgate.identity.secrets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.tenantgate.identity.cases.CaseRequest;
import io.tenantgate.sealing.FieldCipher;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Seals what a customer declared (names, dates of birth, addresses, contacts, owners) with AES-GCM, bound to its
 * case: a profile copied onto another case does not open there. Rows written before sealing existed hold plain
 * JSON; they are still read, and the re-sealing job seals them.
 */
@ApplicationScoped
public class CaseProfileSeal {

    private final FieldCipher cipher;
    private final ObjectMapper json;

    public CaseProfileSeal(FieldCipher cipher, ObjectMapper json) {
        this.cipher = cipher;
        this.json = json;
    }

    /** For the entity's own callbacks, which JPA creates outside CDI. */
    public static CaseProfileSeal current() {
        return Arc.container().instance(CaseProfileSeal.class).get();
    }

    public String seal(CaseRequest profile, UUID caseId) {
        try {
            return cipher.seal(json.writeValueAsString(profile), SealedValues.CASE_PROFILE, caseId.toString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("profile cannot be written as JSON", e);
        }
    }

    public CaseRequest open(String stored, UUID caseId) {
        try {
            String plain = FieldCipher.isSealed(stored) ? cipher.open(stored, SealedValues.CASE_PROFILE, caseId.toString())
                    : stored;
            return json.readValue(plain, CaseRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored profile is not readable JSON", e);
        }
    }
}
