package io.tenantgate.screening.engine.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantgate.screening.engine.model.EntryType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameNormalizerTest {

    private static String text(String name) {
        return NameNormalizer.normalize(name, EntryType.UNKNOWN).text();
    }

    /** Invisible characters pasted inside a name leave its words whole (they once split "ZOR VEX"). */
    @ParameterizedTest(name = "U+{0}")
    @CsvSource({"200B", "200C", "200D", "00AD", "2060", "200E", "200F", "202B", "FEFF"})
    void invisibleFormatCharactersDoNotSplitWords(String codePoint) {
        String invisible = Character.toString(Integer.parseInt(codePoint, 16));
        assertThat(text("Zor" + invisible + "vex Quan" + invisible + "tum " + invisible + "Logistics"))
                .isEqualTo("ZORVEX QUANTUM LOGISTICS");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "Владимир Путин, VLADIMIR PUTIN",          // Cyrillic
            "Αλέξανδρος, ALEXANDROS",                   // Greek
            "משה, MSH",                                 // Hebrew: vowels unwritten
            "خالد محمود, KHALD MHMWD",                  // Arabic
            "习近平, XI JIN PING",                       // Han: one syllable per character
            "김정은, KIM JONG UN",                        // Hangul, syllable by syllable, as names are written
            "Nicolás Maduro, NICOLAS MADURO",           // diacritics
            "Erdoğan, ERDOGAN",
            "ＡＢＣ　Ｃｏｒｐ, ABC CORP",                  // NFKC full-width forms
    })
    void transliteratesEveryScriptToAsciiLatin(String name, String expected) {
        assertThat(text(name)).isEqualTo(expected);
    }

    @Test
    void putsSurnameCommaGivenNamesInReadingOrder() {
        assertThat(text("PUTIN, Vladimir Vladimirovich")).isEqualTo("VLADIMIR VLADIMIROVICH PUTIN");
        assertThat(NameNormalizer.normalize("ANGLO-CARIBBEAN CO., LTD.", EntryType.UNKNOWN).text())
                .isEqualTo("ANGLO CARIBBEAN CO LTD");
        assertThat(NameNormalizer.normalize("SMITH, JONES", EntryType.ENTITY).text()).isEqualTo("SMITH JONES");
    }

    /** Ordinals written out or abbreviated, in English and the abbreviations of other languages, are numbers. */
    @Test
    void readsOrdinalsAsNumbers() {
        assertThat(text("Seventh of Tir")).isEqualTo(text("7th of Tir")).isEqualTo("7 OF TIR");
        assertThat(text("Twenty-first Century Fox")).isEqualTo("21 CENTURI FOX");
        assertThat(text("1er Regimiento")).isEqualTo("1 REGIMIENTO");
        assertThat(text("Juan Segundo")).isEqualTo("JUAN SEGUNDO"); // a surname too: only English words are read
        assertThat(text("IG0R SECH1N")).isEqualTo("IGOR SECHIN");
    }

    /** Legal forms of other languages and scripts, from rigour's organisation types, are one weak word. */
    @Test
    void readsLegalFormsOfOtherLanguages() {
        assertThat(text("DRUSTVO SA OGRANICENOM ODGOVORNOSCU RAD 028 ZVECAN")).isEqualTo("DOO RAD 028 ZVECAN");
        assertThat(text("Volvo Aktiebolag")).isEqualTo("VOLVO AB");
        NormalizedName kazakh = NameNormalizer.normalize("Товарищество с ограниченной ответственностью Алма", EntryType.UNKNOWN);
        assertThat(kazakh.text()).isEqualTo("TOO ALMA");
        assertThat(kazakh.tokens()).extracting(NameToken::kind).containsExactly(TokenKind.WEAK, TokenKind.STRONG);
        // a short word is a form only where the hand-made table says so: UK and PA stay words
        assertThat(NameNormalizer.normalize("Uk Pa Trading", EntryType.UNKNOWN).tokens()).extracting(NameToken::kind)
                .containsExactly(TokenKind.STRONG, TokenKind.STRONG, TokenKind.WEAK);
    }

    @Test
    void canonicalisesLegalFormsAsWeakTokens() {
        NormalizedName name = NameNormalizer.normalize("Open Joint Stock Company Gazprom", EntryType.UNKNOWN);
        assertThat(name.text()).isEqualTo("OJSC GAZPROM");
        assertThat(name.tokens()).extracting(NameToken::kind).containsExactly(TokenKind.WEAK, TokenKind.STRONG);
        assertThat(name.legalForms()).containsExactly("OJSC");
        assertThat(text("OOO Romashka")).isEqualTo("LLC ROMASHKA");
        assertThat(text("Siemens Aktiengesellschaft")).isEqualTo("SIEMENS AG");
        assertThat(text("Siemens Aktiengeselschaft")).isEqualTo("SIEMENS AG");
        assertThat(text("北京有限公司")).isEqualTo("BEI JING LTD");
    }

    @Test
    void shortOneWordLegalFormsOnlyAtEitherEnd() {
        // ZAO is a legal form before a name, but a syllable inside "Gao Shi Zao Miao"
        assertThat(text("ZAO Vostok")).isEqualTo("CJSC VOSTOK");
        assertThat(text("Gao Shi Zao Miao")).isEqualTo("GAO SHI ZAO MIAO");
        // a spelled-out form is one anywhere
        assertThat(text("Noble Shipping Company Ltd")).isEqualTo("NOBLE SHIPPING CO LTD");
        assertThat(text("United Shipbuilding Corporation Yantar")).isEqualTo("UNITED SHIPBUILDING CORP YANTAR");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "GBD Limtied, GBD LTD",                                   // transposition
            "Satna Cmpany, SATNA CO",                                 // letter dropped
            "Joint Stock Commpany Ascon, JSC ASCON",                  // inside a phrase
            "Limited Libaility Company Eliars, LLC ELIARS",
            "Limtied Liability Company Eliars, LLC ELIARS",           // the phrase's first word
            "Nimr Intenrational LLC, NIMR INTERNATIONAL LLC",         // a generic word
            "RCM Grroup, RCM GROUP",                                  // a doubled letter in a short one
            "ACA Ltdda, ACA LTDA",
    })
    void misspelledLegalFormsAreStillLegalForms(String name, String expected) {
        NormalizedName normalized = NameNormalizer.normalize(name, EntryType.ENTITY);
        assertThat(normalized.text()).isEqualTo(expected);
        assertThat(normalized.tokens()).filteredOn(token -> token.kind() == TokenKind.STRONG).hasSize(1);
    }

    @Test
    void wordsNearAShortLegalFormStayWords() {
        // one edit makes another word of a short form, and a doubled letter in CO or OOO is no typo
        assertThat(NameNormalizer.normalize("Groupe Bruxelles", EntryType.ENTITY).tokens())
                .extracting(NameToken::kind).containsOnly(TokenKind.STRONG);
        assertThat(NameNormalizer.normalize("Coo Kuan", EntryType.ENTITY).tokens())
                .extracting(NameToken::kind).containsOnly(TokenKind.STRONG);
    }

    @Test
    void lettersJoinedByAndAreOneWord() {
        assertThat(text("M&P Trading Inc.")).isEqualTo("MP TRADING INC");
        assertThat(text("H and M Hennes & Mauritz AB")).isEqualTo(text("H&M Hennes & Mauritz AB"));
        assertThat(text("A & B & C Ltd")).isEqualTo("ABC LTD");
        assertThat(text("Nazir & Sons")).isEqualTo("NAZIR AND SONS");
    }

    @Test
    void individualsHaveNoLegalForms() {
        NormalizedName name = NameNormalizer.normalize("Diogo Sá", EntryType.INDIVIDUAL);
        assertThat(name.tokens()).extracting(NameToken::kind).containsOnly(TokenKind.STRONG);
    }

    @Test
    void stopwordsTitlesAndParticlesAreWeak() {
        NormalizedName name = NameNormalizer.normalize("The Shaikh Isa bin Tarif Al Bin Ali", EntryType.UNKNOWN);
        assertThat(name.tokens()).filteredOn(token -> token.kind() == TokenKind.STRONG)
                .extracting(NameToken::text).containsExactly("ISA", "TARIF", "ALI");
    }

    @Test
    void chineseSyllablesAreNeverStopwords() {
        NormalizedName name = NameNormalizer.normalize("彬 李", EntryType.INDIVIDUAL);
        assertThat(name.tokens()).extracting(NameToken::text).containsExactly("BIN", "LI");
        assertThat(name.tokens()).extracting(NameToken::kind).containsOnly(TokenKind.STRONG);
        assertThat(name.script()).isEqualTo(NameScript.LOGOGRAPHIC);
    }

    @Test
    void chineseAndKoreanPersonalNamesKeepEachWrittenWord() {
        assertThat(NameNormalizer.normalize("김정은", EntryType.INDIVIDUAL).text()).isEqualTo("KIM JONGUN");
        assertThat(NameNormalizer.normalize("习近平", EntryType.INDIVIDUAL).text()).isEqualTo("XI JINPING");
        assertThat(NameNormalizer.normalize("丽丽 马", EntryType.INDIVIDUAL).text()).isEqualTo("LILI MA");
        assertThat(NameNormalizer.normalize("영일 상철 강", EntryType.INDIVIDUAL).text()).isEqualTo("YONGIL SANGCHOL KANG");
        assertThat(NameNormalizer.normalize("丽丽 马", EntryType.INDIVIDUAL).everySyllable()).isTrue();
        assertThat(NameNormalizer.normalize("Li Ma", EntryType.INDIVIDUAL).everySyllable()).isFalse();
    }

    @Test
    void initialsPunctuationDigitsAndDuplicates() {
        assertThat(text("A.B.C. Company")).isEqualTo("ABC CO");
        assertThat(NameNormalizer.normalize("Hans J. Friedrich", EntryType.UNKNOWN).tokens().get(1).kind())
                .isEqualTo(TokenKind.INITIAL);
        assertThat(text("O'Brien & Sons")).isEqualTo("OBRIEN AND SONS");
        assertThat(text("Ig0r Sech1n")).isEqualTo("IGOR SECHIN");
        assertThat(text("Brigade Forty-Four")).isEqualTo("BRIGADE 44");
        assertThat(text("Sergey Sergey Shoigu")).isEqualTo("SERGEY SHOIGU");
        assertThat(text("Dmitry")).isEqualTo("DMITRI");
        assertThat(text("'Abd al-'Aziz")).isEqualTo("ABDUL AZIZ");
        assertThat(text("Abd ar-Rahman")).isEqualTo("ABDUL RAHMAN");
        assertThat(text("Abdel Aziz")).isEqualTo("ABDUL AZIZ");
        assertThat(text("Abd Aziz")).isEqualTo("ABDUL AZIZ");
        assertThat(text("Muhammad Fadl Abd")).isEqualTo("MUHAMMAD FADL ABDUL");
        assertThat(text("Volodymyr Zelenskyy")).isEqualTo(text("Владимир Зеленский").replace("VLADIMIR", "VOLODYMYR"));
    }

    @Test
    void phoneticKeysSurviveTransliterationVariants() {
        List<String> variants = List.of("MOHAMMED", "MUHAMMAD", "MOHAMAD", "MHMD");
        assertThat(variants).extracting(PhoneticKey::of).containsOnly("MHMT");
        assertThat(PhoneticKey.of("ALEXANDER")).isEqualTo(PhoneticKey.of("ALEKSANDR"));
        assertThat(PhoneticKey.of("LI")).isEmpty();
        assertThat(PhoneticKey.of("PUTIN")).isNotEqualTo(PhoneticKey.of("PUTNAM"));
    }
}
