package io.tenantgate.identity.verification;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MrzParserTest {

    @Test
    void readsTheIcaoSpecimenPassport() {
        Mrz mrz = MrzParser.parse(MrzSamples.UTO_PASSPORT);

        assertThat(mrz.format()).isEqualTo(MrzFormat.TD3);
        assertThat(mrz.documentCode()).isEqualTo("P");
        assertThat(mrz.issuingState()).isEqualTo("UTO");
        assertThat(mrz.documentNumber()).isEqualTo("L898902C3");
        assertThat(mrz.nationality()).isEqualTo("UTO");
        assertThat(mrz.birthDate()).isEqualTo("740812");
        assertThat(mrz.sex()).isEqualTo('F');
        assertThat(mrz.expiryDate()).isEqualTo("120415");
        assertThat(mrz.optionalData()).isEqualTo("ZE184226B");
        assertThat(mrz.primaryIdentifier()).isEqualTo("ERIKSSON");
        assertThat(mrz.secondaryIdentifier()).isEqualTo("ANNA MARIA");
        assertThat(mrz.nameTruncated()).isFalse();
        assertThat(mrz.checkedFields()).hasSize(5);
        assertThat(mrz.invalidFields()).isEmpty();
    }

    @Test
    void readsTheIcaoSpecimenIdCard() {
        Mrz mrz = MrzParser.parse(MrzSamples.UTO_ID_CARD);

        assertThat(mrz.format()).isEqualTo(MrzFormat.TD1);
        assertThat(mrz.documentCode()).isEqualTo("I");
        assertThat(mrz.documentNumber()).isEqualTo("D23145890");
        assertThat(mrz.nationality()).isEqualTo("UTO");
        assertThat(mrz.birthDate()).isEqualTo("740812");
        assertThat(mrz.primaryIdentifier()).isEqualTo("ERIKSSON");
        assertThat(mrz.secondaryIdentifier()).isEqualTo("ANNA MARIA");
        assertThat(mrz.invalidFields()).isEmpty();
    }

    @Test
    void germanyIsTheSingleLetterD() {
        Mrz mrz = MrzParser.parse(MrzSamples.GERMAN_PASSPORT);

        assertThat(mrz.issuingState()).isEqualTo("D");
        assertThat(mrz.nationality()).isEqualTo("D");
        assertThat(mrz.optionalData()).isEmpty();
        assertThat(mrz.invalidFields()).as("an all-filler optional data field may carry '<' as check digit").isEmpty();
    }

    @Test
    void readsATd1DocumentNumberThatOverflowsIntoTheOptionalData() {
        // 12-character number: 9 in place, '<' for the check digit, the last 3 and their check digit in optional data
        String number = "D23145890123";
        char numberDigit = CheckDigits.icao(number);
        String line1 = "I<UTO" + number.substring(0, 9) + "<" + number.substring(9) + numberDigit + "<<<<<<<<<<<";
        String line2Start = "7408122F1204159UTO<<<<<<<<<<<";
        char composite = CheckDigits.icao(line1.substring(5, 30) + line2Start.substring(0, 7)
                + line2Start.substring(8, 15) + line2Start.substring(18, 29));
        Mrz mrz = MrzParser.parse(line1 + "\n" + line2Start + composite + "\nERIKSSON<<ANNA<MARIA<<<<<<<<<<");

        assertThat(mrz.documentNumber()).isEqualTo(number);
        assertThat(mrz.invalidFields()).isEmpty();
    }

    @Test
    void acceptsSurroundingWhitespaceAndLowerCase() {
        Mrz mrz = MrzParser.parse("\n  " + MrzSamples.UTO_PASSPORT.toLowerCase() + "  \n");

        assertThat(mrz.documentNumber()).isEqualTo("L898902C3");
    }

    @Test
    void refusesTextThatIsNoMrz() {
        assertThatThrownBy(() -> MrzParser.parse("")).isInstanceOf(MrzFormatException.class);
        assertThatThrownBy(() -> MrzParser.parse(MrzSamples.UTO_PASSPORT.substring(0, 80)))
                .isInstanceOf(MrzFormatException.class).hasMessageContaining("2 lines of 44");
        assertThatThrownBy(() -> MrzParser.parse(MrzSamples.UTO_PASSPORT.replace("ANNA", "AN-A")))
                .isInstanceOf(MrzFormatException.class).hasMessageContaining("line 1");
        assertThatThrownBy(() -> MrzParser.parse(MrzSamples.UTO_PASSPORT.replaceFirst("P<", "V<")))
                .isInstanceOf(MrzFormatException.class).hasMessageContaining("passport");
    }

    @Test
    void toStringMasksTheDocumentNumber() {
        assertThat(MrzParser.parse(MrzSamples.UTO_PASSPORT).toString()).doesNotContain("L898902C3");
    }
}
