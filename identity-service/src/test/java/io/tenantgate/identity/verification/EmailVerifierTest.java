package io.tenantgate.identity.verification;

import io.tenantgate.decision.signals.CheckOutcome;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class EmailVerifierTest {

    @Test
    void wellFormedAddressOnAPublicDomainPassesAndIsNormalised() {
        EmailVerification result = EmailVerifier.verify("  Anna.Eriksson+cloud@Mail.Example-Corp.DE ");

        assertThat(result.checks()).allSatisfy(c -> assertThat(c.outcome()).isEqualTo(CheckOutcome.PASS));
        assertThat(result.normalised()).contains("Anna.Eriksson+cloud@mail.example-corp.de");
    }

    @Test
    void internationalisedDomainBecomesPunycode() {
        assertThat(EmailVerifier.verify("info@bücher.de").normalised()).contains("info@xn--bcher-kva.de");
    }

    @ParameterizedTest
    @ValueSource(strings = {"plainaddress", "@no-local.de", "no-domain@", "a..b@x.de", ".a@x.de", "a@x", "a@-x.de",
            "a@x..de", "a@1.2.3.4", "a@[10.0.0.1]", "\"quoted\"@x.de", "a b@x.de"})
    void malformedAddressesFailTheSyntaxCheck(String address) {
        EmailVerification result = EmailVerifier.verify(address);

        assertThat(result.syntax().outcome()).as(address).isEqualTo(CheckOutcome.FAIL);
        assertThat(result.domain().outcome()).isEqualTo(CheckOutcome.NOT_APPLICABLE);
        assertThat(result.normalised()).isEmpty();
    }

    @Test
    void tooLongLocalPartFails() {
        assertThat(EmailVerifier.verify("a".repeat(65) + "@x.de").syntax().evidence()).contains("64");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@example.com", "a@mail.example.org", "a@host.test", "a@printer.local", "a@x.invalid",
            "a@abc.onion"})
    void reservedDomainsFailTheDomainCheck(String address) {
        EmailVerification result = EmailVerifier.verify(address);

        assertThat(result.syntax().outcome()).isEqualTo(CheckOutcome.PASS);
        assertThat(result.domain().outcome()).as(address).isEqualTo(CheckOutcome.FAIL);
    }

    @Test
    void missingAddressIsNotApplicable() {
        assertThat(EmailVerifier.verify(" ").syntax().outcome()).isEqualTo(CheckOutcome.NOT_APPLICABLE);
    }
}
