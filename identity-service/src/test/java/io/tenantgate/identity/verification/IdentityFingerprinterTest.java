package io.tenantgate.identity.verification;

import io.tenantgate.decision.signals.CheckResult;
import io.tenantgate.decision.signals.CheckOutcome;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentityFingerprinterTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private final IdentityFingerprinter fingerprinter = new IdentityFingerprinter("k1", KEY);

    @Test
    void typingVariantsOfOneNumberGiveOneFingerprint() {
        Fingerprint plain = fingerprinter.fingerprint(IdentifierKind.CARD, null, "4111111111111111");
        Fingerprint spaced = fingerprinter.fingerprint(IdentifierKind.CARD, null, "4111 1111-1111 1111");

        assertThat(spaced).isEqualTo(plain);
        assertThat(plain.value()).hasSize(64).matches("[0-9a-f]+").doesNotContain("4111111111111111");
        assertThat(plain.keyId()).isEqualTo("k1");
        assertThat(fingerprinter.fingerprint(IdentifierKind.BANK_ACCOUNT, null, "de89 3704 0044 0532 0130 00"))
                .isEqualTo(fingerprinter.fingerprint(IdentifierKind.BANK_ACCOUNT, null, "DE89370400440532013000"));
    }

    @Test
    void documentNumbersAreScopedByIssuingCountry() {
        Fingerprint german = fingerprinter.fingerprint(IdentifierKind.DOCUMENT, "DE", "C01X00T47");
        Fingerprint austrian = fingerprinter.fingerprint(IdentifierKind.DOCUMENT, "AT", "C01X00T47");

        assertThat(german).isNotEqualTo(austrian);
        assertThat(fingerprinter.fingerprint(IdentifierKind.DOCUMENT, "de", "c01x00t47<")).isEqualTo(german);
        assertThatThrownBy(() -> fingerprinter.fingerprint(IdentifierKind.DOCUMENT, null, "C01X00T47"))
                .hasMessageContaining("issuing country");
    }

    @Test
    void kindAndKeyChangeTheFingerprint() {
        Fingerprint card = fingerprinter.fingerprint(IdentifierKind.CARD, null, "4111111111111111");
        Fingerprint account = fingerprinter.fingerprint(IdentifierKind.BANK_ACCOUNT, null, "4111111111111111");
        byte[] otherKey = KEY.clone();
        otherKey[0] ^= 1;

        assertThat(account.value()).isNotEqualTo(card.value());
        assertThat(new IdentityFingerprinter("k2", otherKey).fingerprint(IdentifierKind.CARD, null, "4111111111111111")
                .value()).isNotEqualTo(card.value());
    }

    @Test
    void walletAddressesKeepTheirCase() {
        assertThat(fingerprinter.fingerprint(IdentifierKind.CRYPTO_WALLET, null, "1BoatSLRHtKNngkdXEeobR76b53LETtpyT"))
                .isNotEqualTo(fingerprinter.fingerprint(IdentifierKind.CRYPTO_WALLET, null, "1BOATSLRHTKNNGKDXEEOBR76B53LETTPYT"));
    }

    @Test
    void shortKeysAndEmptyNumbersAreRefused() {
        assertThatThrownBy(() -> new IdentityFingerprinter("k", new byte[16])).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> fingerprinter.fingerprint(IdentifierKind.CARD, null, " - ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void duplicateCheckNamesTheOtherCustomers() {
        assertThat(DuplicateIdentityCheck.check(0, List.of()).outcome()).isEqualTo(CheckOutcome.NOT_APPLICABLE);
        assertThat(DuplicateIdentityCheck.check(2, List.of()).outcome()).isEqualTo(CheckOutcome.PASS);
        CheckResult duplicate = DuplicateIdentityCheck.check(2, List.of(new FingerprintMatch("passport issued by DE", "c-17")));
        assertThat(duplicate.outcome()).isEqualTo(CheckOutcome.FAIL);
        assertThat(duplicate.evidence()).isEqualTo("passport issued by DE also on customer c-17");
    }
}
