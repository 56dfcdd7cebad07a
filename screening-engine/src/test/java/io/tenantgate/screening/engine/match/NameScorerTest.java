package io.tenantgate.screening.engine.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.tenantgate.screening.engine.index.EngineSettings;
import io.tenantgate.screening.engine.model.EntryType;
import org.junit.jupiter.api.Test;

class NameScorerTest {

    private static final double THRESHOLD = EngineSettings.DEFAULT_THRESHOLD;

    private static double score(String query, String listed) {
        return NameComparison.score(query, listed, null);
    }

    @Test
    void wordOrderAndCommaOrderDoNotMatter() {
        assertThat(score("Vladimir Putin", "PUTIN, Vladimir")).isEqualTo(1.0);
        assertThat(score("bin Salman Mohammed", "Mohammed bin Salman")).isEqualTo(1.0);
    }

    @Test
    void missingMiddleNameCostsLittleButConflictingGivenNameCostsMuch() {
        assertThat(score("Vladimir Putin", "PUTIN, Vladimir Vladimirovich")).isGreaterThan(THRESHOLD);
        assertThat(score("Boris Johnson", "Alexandre Boris de Pfeffel Johnson")).isGreaterThan(THRESHOLD);
        assertThat(score("Geoffrey Boris Johnson", "Alexandre Boris de Pfeffel Johnson")).isLessThan(THRESHOLD);
    }

    @Test
    void initialsAgreeOnlyWithTheirWord() {
        assertThat(score("Hans J Friedrich", "Hans Joachim Friedrich")).isGreaterThan(THRESHOLD);
        assertThat(score("Hans O Friedrich", "Hans Joachim Friedrich")).isLessThan(THRESHOLD);
        assertThat(score("Jennifer L. McClellan", "Jennifer Liang")).isLessThan(THRESHOLD);
    }

    /** A nickname stands for its given name, more weakly than the name itself; two nicknames of one name do not. */
    @Test
    void nicknamesStandForTheirGivenName() {
        assertThat(score("Bill Clinton", "William Clinton")).isGreaterThan(THRESHOLD);
        assertThat(score("Ted Doe", "Theodore Doe")).isGreaterThan(THRESHOLD).isLessThan(score("Theodor Doe", "Theodore Doe"));
        assertThat(score("Erin Doe", "Ron Doe")).isLessThan(THRESHOLD); // both short for AARON
        assertThat(score("Bill Clinton", "Robert Clinton")).isGreaterThan(THRESHOLD); // the table has BILL for ROBERT too
    }

    @Test
    void typosAndTransliterationVariants() {
        assertThat(score("Alexandr Lukashnko", "Alexander Lukashenko")).isGreaterThan(THRESHOLD);
        assertThat(score("Mouammar Kadhafi", "Muammar Gaddafi")).isGreaterThan(0.5);
        assertThat(score("Владимир Путин", "Vladimir Putin")).isEqualTo(1.0);
        assertThat(score("خالد محمود", "Khaled Mahmoud")).isGreaterThan(THRESHOLD);
    }

    @Test
    void joinedAndSplitWords() {
        assertThat(score("ALQAEDA", "AL QAEDA")).isGreaterThan(THRESHOLD);
        assertThat(score("SergeiLavrov", "Sergei Lavrov")).isGreaterThan(THRESHOLD);
        assertThat(score("习近平", "Xi Jinping")).isEqualTo(1.0);
    }

    @Test
    void chineseAndKoreanNamesSpellEverySyllable() {
        assertThat(person("김정은", "KIM, Jong Un")).isEqualTo(1.0);
        assertThat(person("정은 김", "KIM Jong-un")).isEqualTo(1.0);
        assertThat(person("习近平", "Xi Jin Ping")).isGreaterThan(THRESHOLD);
        // a listed syllable the query lacks, or the reverse, is another given name
        assertThat(person("慧 申", "Hui Sheng Shen")).isLessThan(THRESHOLD);
        assertThat(person("鑫 伟 王", "Wang Wei")).isLessThan(THRESHOLD);
        assertThat(person("상철 강", "KANG Myong Chol")).isLessThan(THRESHOLD);
    }

    private static double person(String query, String listed) {
        return NameComparison.score(query, listed, "Person");
    }

    @Test
    void genderFormsAndDifferentFirstSoundsAreOtherNames() {
        assertThat(person("Antonia Rodriguez", "Antonio Rodriguez Capetillo")).isLessThan(THRESHOLD);
        assertThat(person("Daniela Gomez", "Daniel Gomez Velazquez")).isLessThan(THRESHOLD);
        assertThat(person("Terry Ford", "Jerry Vernon Ford")).isLessThan(THRESHOLD);
        // the same sound written two ways still agrees
        assertThat(person("Yusuf Ahmed", "Jusuf Ahmed")).isGreaterThan(THRESHOLD);
        assertThat(score("Schell plc", "Shell plc")).isGreaterThan(0.8);
        assertThat(person("Roberto Garcia Lopez", "Robert Garcia Lopez")).isGreaterThan(THRESHOLD);
        // two letters swapped where the first sound is read are a typo, not another sound
        assertThat(score("CAHRMING GLOBE", "CHARMING GLOBE")).isGreaterThan(THRESHOLD);
        assertThat(TokenSimilarity.differentFirstSounds("CAHRMING", "CHARMING")).isFalse();
        assertThat(TokenSimilarity.differentFirstSounds("CHRAMING", "CHARMING")).isFalse();
        assertThat(TokenSimilarity.differentFirstSounds("CERRY", "JERRY")).isTrue();
    }

    @Test
    void spellingHabits() {
        assertThat(person("Kim Jong-uun", "Kim Jong-un")).isGreaterThan(THRESHOLD);
        assertThat(person("Abd al-Aziz al-Nuristani", "Abdul Aziz Nooristani")).isGreaterThan(THRESHOLD);
        assertThat(person("Володимир Зеленський", "Volodymyr Oleksandrovych Zelenskyy")).isGreaterThan(THRESHOLD);
        assertThat(score("vanderbilt corp", "van der bilt corp")).isGreaterThan(THRESHOLD);
    }

    @Test
    void subsidiariesByCountryAndSwappedPatronymicsDiffer() {
        assertThat(NameComparison.score("Banco Santander S.A.", "Banco Santander Mexico S.A.", "Company"))
                .isLessThan(THRESHOLD);
        assertThat(person("Ahmad bin Hasan al-Ubaidi", "Hasan bin Ahmad al-Ubaidi")).isLessThan(THRESHOLD);
        assertThat(person("Ahmad bin Hasan al-Ubaidi", "Ahmad bin Hasan al-Ubaidi")).isEqualTo(1.0);
    }

    @Test
    void legalFormsAreWeakButConflictingKindsCount() {
        assertThat(score("Deutsche Bank AG", "Deutsche Bank Aktiengesellschaft")).isEqualTo(1.0);
        assertThat(score("HOMS REFINERY CORPORATION", "The Homs Refinery Company")).isGreaterThan(THRESHOLD);
        assertThat(score("Deutsche Bank AG", "Deutsche Bank GmbH")).isLessThan(THRESHOLD);
        assertThat(score("CRYSTALORD SYSTEMS LIMITED", "CRYSTALORD LTD")).isLessThan(THRESHOLD);
    }

    @Test
    void typosInLegalFormsAndAbbreviatedNamesCostNothing() {
        assertThat(score("GBD LIMTIED", "GBD LIMITED")).isEqualTo(1.0);
        assertThat(score("LIMITED LIABLITY COMPANY SEPTEMBER", "LIMITED LIABILITY COMPANY SEPTEMBER")).isEqualTo(1.0);
        assertThat(score("M&P Trading Inc.", "M&P Trading Inc.")).isEqualTo(1.0);
        assertThat(score("LAMA FOODS S..A.R.L.", "LAMA FOODS S.A.R.L.")).isEqualTo(1.0); // a doubled dot
        assertThat(score("LIMITED COMPANY FIRDAWS", "LIMITED LIABILITY COMPANY FIRDAWS")).isGreaterThan(THRESHOLD);
    }

    @Test
    void singleWordsAndNumbers() {
        assertThat(score("Putin", "PUTIN, Vladimir")).isLessThan(THRESHOLD);
        assertThat(score("Vladimir Putin", "POTANIN, Vladimir Olegovich")).isLessThan(THRESHOLD);
        assertThat(score("Management Company 23", "Management Company")).isLessThan(THRESHOLD);
        // a digit is no initial: "1" does not abbreviate "1ST"
        assertThat(TokenSimilarity.initialScore(1, '1', 3, '1')).isZero();
        assertThat(TokenSimilarity.initialScore(1, 'J', 7, 'J')).isEqualTo(TokenSimilarity.INITIAL_SCORE);
    }

    @Test
    void upperBoundCountsTheListNamesStrongWordsNoQueryWordCanPair() {
        ComparableName query = ComparableName.of("GOLPAYGANI Mohammad Mohammadi", null);
        ComparableName listed = ComparableName.of("MOHAMMAD Ali Hassan", null);
        // both MOHAMMAD and MOHAMMADI meet the listed MOHAMMAD, so two query words share a word with the name,
        // which alone does not rule it out; but only two of its three words can pair, one is extra
        assertThat(NameScorer.upperBound(query, 2, 0, false)).isGreaterThanOrEqualTo(THRESHOLD);
        double bound = NameScorer.upperBound(query, 2, 0, false, listed.strongCount(), 2);
        assertThat(bound).isLessThan(THRESHOLD).isGreaterThanOrEqualTo(NameScorer.score(query, listed));
        // the more strong words a name has beyond those that can pair, the lower the bound
        assertThat(NameScorer.upperBound(query, 2, 0, false, 5, 2)).isLessThan(bound);
        assertThat(NameScorer.upperBound(query, 2, 0, false, 2, 2)).isEqualTo(NameScorer.upperBound(query, 2, 0, false));
        // one shared word of a two-word name rests on a single word either way
        ComparableName iran = ComparableName.of("IRAN CO.", EntryType.ENTITY);
        assertThat(NameScorer.upperBound(iran, 1, 0, false, 2, 2)).isLessThan(THRESHOLD)
                .isGreaterThanOrEqualTo(NameScorer.score(iran, ComparableName.of("IRAN AIR", EntryType.ENTITY)));
    }

    @Test
    void explanationNamesTheTokenPairsAndMethods() {
        NameScore explained = NameScorer.explain(ComparableName.of("Mohamed Hasan", null),
                ComparableName.of("MUHAMMAD HASAN", null));
        assertThat(explained.pairs()).extracting(TokenPair::queryToken, TokenPair::listToken, TokenPair::method)
                .contains(tuple("HASAN", "HASAN", MatchMethod.EXACT),
                        tuple("MOHAMED", "MUHAMMAD", MatchMethod.PHONETIC));
    }
}
