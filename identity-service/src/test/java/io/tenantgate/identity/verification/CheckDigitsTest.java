package io.tenantgate.identity.verification;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckDigitsTest {

    @Test
    void icaoDigitsOfTheSpecimenPassport() {
        assertThat(CheckDigits.icao("L898902C3")).isEqualTo('6');
        assertThat(CheckDigits.icao("740812")).isEqualTo('2');
        assertThat(CheckDigits.icao("120415")).isEqualTo('9');
        assertThat(CheckDigits.icao("ZE184226B<<<<<")).isEqualTo('1');
    }

    @Test
    void fillerCountsZeroAndOtherCharactersAreRefused() {
        assertThat(CheckDigits.icao("<<<<<<")).isEqualTo('0');
        assertThatThrownBy(() -> CheckDigits.icao("AB-12")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void luhnAcceptsValidNumbersAndRejectsASingleChangedDigit() {
        assertThat(CheckDigits.luhn("79927398713")).isTrue();
        assertThat(CheckDigits.luhn("4111111111111111")).isTrue();
        assertThat(CheckDigits.luhn("4111111111111121")).isFalse();
        assertThat(CheckDigits.luhn("79927398710")).isFalse();
    }
}
