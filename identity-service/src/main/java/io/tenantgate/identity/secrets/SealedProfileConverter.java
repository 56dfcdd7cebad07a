package io.tenantgate.identity.secrets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tenantgate.identity.cases.CaseRequest;
import io.tenantgate.sealing.FieldCipher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.AttributeConverter;

/**
 * Stores what a customer declared (names, dates of birth, addresses, contacts, owners) sealed with AES-GCM.
 * Rows written before sealing existed hold plain JSON; they are still read, and the re-sealing job seals them.
 */
@ApplicationScoped
public class SealedProfileConverter implements AttributeConverter<CaseRequest, String> {

    static final String CONTEXT = "customer_case.profile";

    private final FieldCipher cipher;
    private final ObjectMapper json;

    public SealedProfileConverter(FieldCipher cipher, ObjectMapper json) {
        this.cipher = cipher;
        this.json = json;
    }

    @Override
    public String convertToDatabaseColumn(CaseRequest profile) {
        try {
            return profile == null ? null : cipher.seal(json.writeValueAsString(profile), CONTEXT);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("profile cannot be written as JSON", e);
        }
    }

    @Override
    public CaseRequest convertToEntityAttribute(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            String plain = FieldCipher.isSealed(stored) ? cipher.open(stored, CONTEXT) : stored;
            return json.readValue(plain, CaseRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored profile is not readable JSON", e);
        }
    }
}
