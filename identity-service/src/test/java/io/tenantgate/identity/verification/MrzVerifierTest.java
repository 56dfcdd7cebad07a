package io.tenantgate.identity.verification;

import io.tenantgate.decision.signals.CheckResult;
import io.tenantgate.decision.signals.CheckOutcome;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.tenantgate.decision.signals.CheckOutcome.FAIL;
import static io.tenantgate.decision.signals.CheckOutcome.NOT_APPLICABLE;
import static io.tenantgate.decision.signals.CheckOutcome.PASS;
import static org.assertj.core.api.Assertions.assertThat;

class MrzVerifierTest {

    private static final DeclaredIdentity ANNA = new DeclaredIdentity("Anna Maria Eriksson", LocalDate.of(1974, 8, 12), null);
    private static final DeclaredIdentity ERIKA = new DeclaredIdentity("Erika Mustermann", LocalDate.of(1964, 8, 12), "DE");

    private final MrzVerifier in2010 = verifierOn("2010-06-01");
    private final MrzVerifier in2026 = verifierOn("2026-06-01");

    @Test
    void specimenPassportIsWellFormedButRecognisedAsSpecimen() {
        Map<String, CheckResult> checks = byName(in2010.verify(MrzSamples.UTO_PASSPORT, ANNA));

        assertThat(checks.get(MrzVerifier.FORMAT).outcome()).isEqualTo(PASS);
        assertThat(checks.get(MrzVerifier.CHECK_DIGITS).outcome()).isEqualTo(PASS);
        assertThat(checks.get(MrzVerifier.CHECK_DIGITS).evidence()).contains("all 5 check digits");
        assertThat(checks.get(MrzVerifier.EXPIRY).outcome()).isEqualTo(PASS);
        assertThat(checks.get(MrzVerifier.NAME).outcome()).isEqualTo(PASS);
        assertThat(checks.get(MrzVerifier.BIRTH_DATE).outcome()).isEqualTo(PASS);
        assertThat(checks.get(MrzVerifier.NATIONALITY).outcome()).isEqualTo(NOT_APPLICABLE);
        assertThat(checks.get(MrzVerifier.NOT_SPECIMEN).outcome()).isEqualTo(FAIL);
        assertThat(checks.get(MrzVerifier.NOT_SPECIMEN).evidence()).contains("Utopia");
    }

    @Test
    void expiryIsJudgedAgainstTheInjectedClock() {
        CheckResult expiry = byName(in2026.verify(MrzSamples.UTO_PASSPORT, ANNA)).get(MrzVerifier.EXPIRY);

        assertThat(expiry.outcome()).isEqualTo(FAIL);
        assertThat(expiry.evidence()).contains("expired on 2012-04-15");
    }

    @Test
    void aChangedDocumentNumberBreaksItsCheckDigitAndTheComposite() {
        String tampered = MrzSamples.tamper(MrzSamples.UTO_PASSPORT, 1, 0, 'M');

        DocumentVerification result = in2010.verify(tampered, ANNA);
        CheckResult digits = byName(result).get(MrzVerifier.CHECK_DIGITS);

        assertThat(result.passed()).isFalse();
        assertThat(digits.outcome()).isEqualTo(FAIL);
        assertThat(digits.evidence()).contains("document number check digit is 6").contains("composite");
        assertThat(digits.evidence()).doesNotContain("birth date");
    }

    @Test
    void aChangedBirthDateWithItsOwnDigitRecomputedIsCaughtByTheComposite() {
        Map<String, CheckResult> checks = byName(in2010.verify(withBirthDate("740912"), ANNA));

        assertThat(checks.get(MrzVerifier.CHECK_DIGITS).evidence()).startsWith("composite check digit");
        assertThat(checks.get(MrzVerifier.BIRTH_DATE).outcome()).isEqualTo(FAIL);
    }

    @Test
    void theDeclaredBirthDateCatchesWhatTheWeakCompositeMisses() {
        // 7-3-1 weights: +1 on the day (weight 7) and +1 on its check digit (weight 3) cancel out modulo 10
        Map<String, CheckResult> checks = byName(in2010.verify(withBirthDate("740813"), ANNA));

        assertThat(checks.get(MrzVerifier.CHECK_DIGITS).outcome()).isEqualTo(PASS);
        assertThat(checks.get(MrzVerifier.BIRTH_DATE).outcome()).isEqualTo(FAIL);
        assertThat(checks.get(MrzVerifier.BIRTH_DATE).evidence()).contains("1974-08-13").contains("1974-08-12");
    }

    @Test
    void germanPassportAgreesWithTheDeclaredGermanHolder() {
        DocumentVerification result = in2026.verify(MrzSamples.GERMAN_PASSPORT, ERIKA);

        assertThat(result.checks()).allSatisfy(check -> assertThat(check.outcome()).as(check.name()).isEqualTo(PASS));
        assertThat(result.issuingCountry()).contains("DE");
        assertThat(byName(result).get(MrzVerifier.NATIONALITY).evidence()).contains("MRZ nationality D (DE)");
    }

    @Test
    void disagreementsWithTheDeclaredHolderFail() {
        DeclaredIdentity someoneElse = new DeclaredIdentity("Erika Musterfrau", LocalDate.of(1964, 8, 13), "AT");

        Map<String, CheckResult> checks = byName(in2026.verify(MrzSamples.GERMAN_PASSPORT, someoneElse));

        assertThat(checks.get(MrzVerifier.NAME).outcome()).isEqualTo(FAIL);
        assertThat(checks.get(MrzVerifier.BIRTH_DATE).outcome()).isEqualTo(FAIL);
        assertThat(checks.get(MrzVerifier.NATIONALITY).outcome()).isEqualTo(FAIL);
        assertThat(checks.get(MrzVerifier.NATIONALITY).evidence()).contains("differs from declared AT");
    }

    @Test
    void nameComparisonFollowsIcaoTransliterationAndIgnoresOrder() {
        String mueller = MrzSamples.GERMAN_PASSPORT.replace("MUSTERMANN<<ERIKA<<<<<<<<<", "MUELLER<<ERIKA<<<<<<<<<<<<");
        String muller = MrzSamples.GERMAN_PASSPORT.replace("MUSTERMANN<<ERIKA<<<<<<<<<", "MULLER<<ERIKA<<<<<<<<<<<<<");
        DeclaredIdentity declared = new DeclaredIdentity("MÜLLER, Erika", null, null);

        assertThat(byName(in2026.verify(mueller, declared)).get(MrzVerifier.NAME).outcome()).isEqualTo(PASS);
        assertThat(byName(in2026.verify(muller, declared)).get(MrzVerifier.NAME).outcome()).isEqualTo(PASS);
        assertThat(byName(in2026.verify(mueller, new DeclaredIdentity("Erika Muller-Lang", null, null)))
                .get(MrzVerifier.NAME).outcome()).isEqualTo(FAIL);
    }

    @Test
    void idCardSpecimenIsVerifiedToo() {
        Map<String, CheckResult> checks = byName(in2010.verify(MrzSamples.UTO_ID_CARD, ANNA));

        assertThat(checks.get(MrzVerifier.FORMAT).evidence()).startsWith("TD1");
        assertThat(checks.get(MrzVerifier.CHECK_DIGITS).outcome()).isEqualTo(PASS);
        assertThat(checks.get(MrzVerifier.NAME).outcome()).isEqualTo(PASS);
    }

    @Test
    void unreadableMrzFailsTheFormatAndSkipsTheRest() {
        DocumentVerification result = in2010.verify("not an mrz", ANNA);

        assertThat(result.checks()).hasSize(7);
        assertThat(byName(result).get(MrzVerifier.FORMAT).outcome()).isEqualTo(FAIL);
        assertThat(result.checks()).filteredOn(c -> !c.name().equals(MrzVerifier.FORMAT))
                .allSatisfy(c -> assertThat(c.outcome()).isEqualTo(NOT_APPLICABLE));
        assertThat(result.mrz()).isEmpty();
    }

    @Test
    void birthCenturyIsInferredSoNobodyIsBornInTheFuture() {
        LocalDate today = LocalDate.of(2026, 6, 1);
        assertThat(MrzDates.birthDate("740812", today)).contains(LocalDate.of(1974, 8, 12));
        assertThat(MrzDates.birthDate("100101", today)).contains(LocalDate.of(2010, 1, 1));
        assertThat(MrzDates.birthDate("300101", today)).contains(LocalDate.of(1930, 1, 1));
        assertThat(MrzDates.expiryDate("350101", today)).contains(LocalDate.of(2035, 1, 1));
        assertThat(MrzDates.birthDate("741312", today)).isEmpty();
        assertThat(MrzDates.birthDate("74<<<<", today)).isEmpty();
    }

    private static String withBirthDate(String yymmdd) {
        String[] lines = MrzSamples.UTO_PASSPORT.split("\n");
        String line2 = lines[1].substring(0, 13) + yymmdd + CheckDigits.icao(yymmdd) + lines[1].substring(20);
        return lines[0] + "\n" + line2;
    }

    private static MrzVerifier verifierOn(String date) {
        return new MrzVerifier(Clock.fixed(Instant.parse(date + "T12:00:00Z"), ZoneOffset.UTC));
    }

    private static Map<String, CheckResult> byName(DocumentVerification verification) {
        return verification.checks().stream().collect(Collectors.toMap(CheckResult::name, Function.identity()));
    }
}
