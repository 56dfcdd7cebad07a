package io.tenantgate.screening.engine.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantgate.screening.engine.model.Address;
import io.tenantgate.screening.engine.model.Entry;
import io.tenantgate.screening.engine.model.EntryType;
import io.tenantgate.screening.engine.model.Identifier;
import io.tenantgate.screening.engine.model.ListSource;
import io.tenantgate.screening.engine.model.PartialDate;
import io.tenantgate.screening.engine.parse.BundledLists;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScreeningEngineTest {

    private static final Entry PERSON = Entry.builder(ListSource.SDN, "1").type(EntryType.INDIVIDUAL)
            .name("IVANOV, Ivan Petrovich").alias("IVANOFF, Ivan").program("RUSSIA-EO14024")
            .dateOfBirth(new PartialDate(1970, 5, 1)).nationality("RU")
            .id(new Identifier("Passport", "AB 123456", "RU")).build();
    private static final Entry COMPANY = Entry.builder(ListSource.EL, "x1").name("Vostok Trading LLC")
            .licenseRequirement("For all items subject to the EAR.").build();
    private static final Entry MIXER = Entry.builder(ListSource.SDN, "2").type(EntryType.ENTITY).name("BLENDER.IO")
            .id(new Identifier("Digital Currency Address - XBT", "bc1qa8m2kz6ps3m9skecqxxmuhwhqkzj3nzj7y9c0a", null))
            .id(new Identifier("Email Address", "support@blender.example", null))
            .id(new Identifier("Phone Number", "79315403678", null))
            .id(new Identifier("Gender", "Male", null)).build();
    private static final Entry ADDRESS = Entry.builder(ListSource.EL, "a1").type(EntryType.ADDRESS)
            .name("Room 1102, 11/F, Example Building, 8 Sample Road, Kowloon")
            .address(new Address("Room 1102, 11/F, Example Building, 8 Sample Road, Kowloon, HK", "HK"))
            .addressOnly(true).build();

    private final ScreeningEngine engine = ScreeningEngine.build(List.of(PERSON, COMPANY, ADDRESS, MIXER), EngineSettings.defaults());

    @Test
    void explainsTheBestNameVariantWithSourceProgramsAndFacts() {
        ScreeningResult result = engine.screen(new PartyQuery("Ivan Ivanoff", EntryType.INDIVIDUAL, "RU",
                new PartialDate(1970, 5, 1), List.of(), null));

        Match match = result.matches().get(0);
        assertThat(match.key()).isEqualTo("SDN:1");
        assertThat(match.matchedName()).isEqualTo("IVANOFF, Ivan");
        assertThat(match.sources()).containsExactly(ListSource.SDN);
        assertThat(match.programs()).containsExactly("RUSSIA-EO14024");
        assertThat(match.entityNumber()).isEqualTo("1");
        assertThat(match.explanation().normalizedQuery()).isEqualTo("IVAN IVANOFF");
        assertThat(match.explanation().normalizedListName()).isEqualTo("IVAN IVANOFF");
        assertThat(match.explanation().facts()).extracting(FactEvidence::fact).containsExactly("date of birth", "nationality");
        assertThat(match.score()).isEqualTo(1.0);
        assertThat(result.jurisdictionOfConcern()).isTrue();
    }

    @Test
    void differentBirthYearLowersTheScore() {
        double same = engine.screen(new PartyQuery("Ivan Petrovich Ivanov", EntryType.INDIVIDUAL, List.of(),
                new PartialDate(1970, 0, 0), List.of(), null), 0.5, 1).matches().get(0).score();
        double other = engine.screen(new PartyQuery("Ivan Petrovich Ivanov", EntryType.INDIVIDUAL, List.of(),
                new PartialDate(1990, 0, 0), List.of(), null), 0.5, 1).matches().get(0).score();
        assertThat(other).isLessThan(same - 0.05);
    }

    @Test
    void aDualNationalAgreesThroughEitherNationality() {
        PartyQuery dual = new PartyQuery("Ivan Petrovich Ivanov", EntryType.INDIVIDUAL, List.of("DE", "RU"), null,
                List.of(), null);
        Match match = engine.screen(dual, 0.5, 1).matches().get(0);
        assertThat(match.explanation().facts()).extracting(FactEvidence::fact).containsExactly("nationality");
        assertThat(match.explanation().facts().get(0).queryValue()).isEqualTo("RU");
        assertThat(match.explanation().facts().get(0).weight()).isPositive();

        PartyQuery germanOnly = new PartyQuery("Ivan Petrovich Ivanov", EntryType.INDIVIDUAL, "DE", null, List.of(), null);
        Match conflicting = engine.screen(germanOnly, 0.5, 1).matches().get(0);
        assertThat(conflicting.explanation().facts()).extracting(FactEvidence::fact).containsExactly("nationality");
        assertThat(conflicting.score()).isLessThan(match.score());
        assertThat(engine.screen(dual, 0.5, 1).jurisdictionOfConcern()).isTrue();
    }

    @Test
    void exactIdNumberFindsTheEntryDespiteAWeakName() {
        PartyQuery query = new PartyQuery("I. Ivanov", EntryType.INDIVIDUAL, List.of(), null,
                List.of(new Identifier("Passport", "AB-123456", null)), null);
        assertThat(engine.screen(query).matches()).extracting(Match::key).containsExactly("SDN:1");
        assertThat(engine.screen(query).matches().get(0).explanation().facts()).allMatch(FactEvidence::conclusive);
        assertThat(engine.screen(PartyQuery.ofName("I. Ivanov")).matches()).isEmpty();
    }

    /** A listed wallet, e-mail address or phone number is the listed party's, whatever name it comes with. */
    @Test
    void aListedWalletEmailOrPhoneMatchesUnderAnyName() {
        for (Identifier used : List.of(new Identifier("wallet", "BC1QA8M2KZ6PS3M9SKECQXXMUHWHQKZJ3NZJ7Y9C0A", null),
                new Identifier("email", "Support@Blender.example", null), new Identifier("phone", "+7 931 540-36-78", null))) {
            PartyQuery query = new PartyQuery("Harmless Analytics Ltd", EntryType.ENTITY, List.of(), null, List.of(used), null);
            Match match = engine.screen(query).matches().get(0);
            assertThat(match.key()).isEqualTo("SDN:2");
            assertThat(match.score()).isEqualTo(1.0);
            assertThat(match.explanation().facts()).filteredOn(FactEvidence::conclusive).extracting(FactEvidence::fact)
                    .singleElement().asString().startsWith("id ");
        }
        // what OFAC files as an identifier but describes the party proves nothing
        PartyQuery male = new PartyQuery("Harmless Analytics Ltd", EntryType.ENTITY, List.of(), null,
                List.of(new Identifier("gender", "male", null)), null);
        assertThat(engine.screen(male).matches()).isEmpty();
    }

    @Test
    void entityListAddressMatchesOnAddressAlone() {
        PartyQuery query = new PartyQuery("Harmless Name Ltd", EntryType.ENTITY, "HK", null, List.of(),
                "Rm 1102, 11/F Example Bldg, 8 Sample Rd, Kowloon, Hong Kong");
        ScreeningResult result = engine.screen(query, 0.7, 10);
        assertThat(result.matches()).extracting(Match::key).containsExactly("EL:a1");
        assertThat(result.matches().get(0).explanation().facts()).extracting(FactEvidence::fact).containsExactly("address");
        PartyQuery nextDoor = new PartyQuery("Harmless Name Ltd", EntryType.ENTITY, "HK", null, List.of(),
                "Rm 1103, 11/F Example Bldg, 8 Sample Rd, Kowloon, Hong Kong");
        assertThat(engine.screen(nextDoor, 0.7, 10).matches()).isEmpty();
    }

    @Test
    void licenseRequirementTravelsWithTheMatch() {
        Match match = engine.screen(PartyQuery.ofName("VOSTOK TRADING, OOO")).matches().get(0);
        assertThat(match.key()).isEqualTo("EL:x1");
        assertThat(match.licenseRequirement()).isEqualTo("For all items subject to the EAR.");
    }

    @Test
    void indexAgreesWithBruteForceOnWeakAndInitialEdgeCases() {
        Entry shortName = Entry.builder(ListSource.DPL, "s1").type(EntryType.INDIVIDUAL).name("SA").build();
        Entry initials = Entry.builder(ListSource.DTC, "i1").name("N. C. Porter").build();
        ScreeningEngine small = ScreeningEngine.build(List.of(PERSON, COMPANY, shortName, initials),
                EngineSettings.defaults());
        for (String name : List.of("Diogo SA", "SA", "Nadia Ninthe Courtier", "Nina Porter", "Al Vostok", "I Ivanov")) {
            PartyQuery query = PartyQuery.ofName(name);
            assertThat(small.screen(query, 0.3, 10).matches())
                    .as(name).isEqualTo(small.screenBruteForce(query, 0.3, 10).matches());
        }
    }

    @Test
    void minimumScoreAndLimitApply() {
        assertThat(engine.screen(PartyQuery.ofName("Ivan Ivanov"), 0.5, 0).matches()).isEmpty();
        assertThat(engine.screen(PartyQuery.ofName("Completely Different"), 0.5, 10).hit()).isFalse();
    }

    /**
     * A replaced engine stops warming up: over the bundled lists it is retired while most list words are not
     * kept yet, and it must answer as its full scorer does, looking those words up itself.
     */
    @Test
    void aRetiredEngineStillAnswersExactly() {
        ScreeningEngine replaced = ScreeningEngine.build(BundledLists.load(), EngineSettings.defaults());
        replaced.retire();

        assertThat(replaced.warmUp()).succeedsWithin(java.time.Duration.ofSeconds(30));
        for (String name : List.of("Nicolas Maduro Moros", "Nicolas Maduor Moros", "Vladimir Putin", "Huawei Technologies")) {
            PartyQuery query = PartyQuery.ofName(name);
            assertThat(replaced.screen(query, 0.8, 10).matches()).as(name).isNotEmpty()
                    .isEqualTo(replaced.screenBruteForce(query, 0.8, 10).matches());
        }
    }
}
