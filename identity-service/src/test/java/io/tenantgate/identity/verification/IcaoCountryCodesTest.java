package io.tenantgate.identity.verification;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IcaoCountryCodesTest {

    @Test
    void isoAlpha3CodesMapToAlpha2() {
        assertThat(IcaoCountryCodes.toAlpha2("USA")).contains("US");
        assertThat(IcaoCountryCodes.toAlpha2("GBR")).contains("GB");
        assertThat(IcaoCountryCodes.toAlpha2("CHN")).contains("CN");
        assertThat(IcaoCountryCodes.toAlpha2("DEU")).contains("DE");
    }

    @Test
    void icaoOnlyCodesMapToTheirCountry() {
        assertThat(IcaoCountryCodes.toAlpha2("D<<")).contains("DE");
        assertThat(IcaoCountryCodes.toAlpha2("D")).contains("DE");
        assertThat(IcaoCountryCodes.toAlpha2("GBD")).contains("GB");
        assertThat(IcaoCountryCodes.toAlpha2("GBN")).contains("GB");
        assertThat(IcaoCountryCodes.toAlpha2("RKS")).contains("XK");
    }

    @Test
    void codesWithoutCountryAreExplainedNotMapped() {
        assertThat(IcaoCountryCodes.toAlpha2("UTO")).isEmpty();
        assertThat(IcaoCountryCodes.isSpecimen("UTO")).isTrue();
        assertThat(IcaoCountryCodes.nonCountryMeaning("XXA")).contains("stateless person");
        assertThat(IcaoCountryCodes.toAlpha2("XXA")).isEmpty();
        assertThat(IcaoCountryCodes.toAlpha2("QQQ")).isEmpty();
        assertThat(IcaoCountryCodes.nonCountryMeaning("QQQ")).isEmpty();
    }
}
