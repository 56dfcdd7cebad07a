package io.tenantgate.identity.verification;

import java.util.List;

/**
 * A parsed machine-readable zone. Fields keep the MRZ spelling, upper case with the filler '<' stripped from
 * their ends (so Germany is "D"); dates stay as printed (YYMMDD) because their century is a judgement made by {@link MrzDates}.
 *
 * @param primaryIdentifier   surname(s), '<' inside replaced by spaces
 * @param secondaryIdentifier given names, '<' inside replaced by spaces
 * @param nameTruncated       the name filled its whole field, so it may have been cut short
 */
public record Mrz(
        MrzFormat format,
        String documentCode,
        String issuingState,
        String documentNumber,
        String nationality,
        String birthDate,
        char sex,
        String expiryDate,
        String optionalData,
        String primaryIdentifier,
        String secondaryIdentifier,
        boolean nameTruncated,
        List<MrzCheckedField> checkedFields) {

    public Mrz {
        checkedFields = List.copyOf(checkedFields);
    }

    public List<MrzCheckedField> invalidFields() {
        return checkedFields.stream().filter(field -> !field.valid()).toList();
    }

    /** Keeps document numbers and personal numbers out of logs. */
    @Override
    public String toString() {
        return "Mrz[" + format + " " + documentCode + " issued by " + issuingState + ", nationality " + nationality
                + ", document number ****" + lastChars(documentNumber, 2) + "]";
    }

    private static String lastChars(String value, int count) {
        return value.length() <= count ? "" : value.substring(value.length() - count);
    }
}
