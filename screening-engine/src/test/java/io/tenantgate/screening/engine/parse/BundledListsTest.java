package io.tenantgate.screening.engine.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantgate.screening.engine.model.Entry;
import io.tenantgate.screening.engine.model.EntryType;
import io.tenantgate.screening.engine.model.Identifier;
import io.tenantgate.screening.engine.model.ListSource;
import io.tenantgate.screening.engine.model.PartialDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BundledListsTest {

    private static List<Entry> entries;
    private static Map<String, Entry> byKey;

    @BeforeAll
    static void load() {
        entries = BundledLists.load();
        byKey = entries.stream().collect(Collectors.toMap(Entry::key, Function.identity()));
    }

    @Test
    void mergesCslOfacRowsAndSdnFileIntoOneEntryPerEntity() {
        long sdnEntries = entries.stream().filter(entry -> entry.sources().contains(ListSource.SDN)).count();
        long elEntries = entries.stream().filter(entry -> entry.sources().contains(ListSource.EL)).count();
        // 14,965 SDN-file entries; CSL SDN numbers missing from the 2024 file (delisted since) stay separate
        assertThat(sdnEntries).isBetween(14_965L, 14_965L + 10_026L - 9_552L);
        assertThat(elEntries).isEqualTo(2_001);
        assertThat(entries.stream().map(Entry::key).distinct().count()).isEqualTo(entries.size());
    }

    @Test
    void entityOnSeveralOfacListsIsOneEntryWithEverySource() {
        Entry entry = byKey.get("SDN:18725");
        assertThat(entry.sources()).contains(ListSource.SDN, ListSource.SSI, ListSource.CAP);
        assertThat(byKey).doesNotContainKeys("SSI:18725", "CAP:18725");
    }

    /** Denied Persons and ITAR Debarred list one person under one name: one entry naming both lists. */
    @Test
    void aPartyOnSeveralCommerceAndStateListsIsOneEntry() {
        List<Entry> dobek = entries.stream().filter(entry -> entry.name().equalsIgnoreCase("Ronald Alexander Dobek")).toList();
        assertThat(dobek).singleElement().satisfies(entry -> {
            assertThat(entry.sources()).containsExactlyInAnyOrder(ListSource.DPL, ListSource.DTC);
            assertThat(entry.key()).startsWith("DPL:");
        });
        EntryMerger.Merged merged = EntryMerger.mergeTracked(BundledLists.loadUnmerged());
        assertThat(merged.keyOfRow()).containsEntry("DTC:5fdcae04f82e8db8e9e6450e0ab6548715966906", dobek.get(0).key());
        assertThat(merged.entries()).hasSameSizeAs(entries);
    }

    /** Another list's party of the same name: an Entity List row joins the SDN entry, which keeps its key. */
    @Test
    void anEntityListRowJoinsTheOfacPartyOfItsName() {
        Entry concord = byKey.get("SDN:22527");
        assertThat(concord.sources()).contains(ListSource.SDN, ListSource.EL);
        assertThat(byKey).doesNotContainKey("EL:c3ebf1ac225c48f62621cfa05b2f76e2aec6774e");
    }

    /**
     * screening-service merges each imported file (the CSL, the SDN file) and then the active lists together
     * again; that must give the very parties the bundled lists give when merged at once.
     */
    @Test
    void mergingEachFileThenAllOfThemGivesTheSameParties() {
        List<Entry> perFile = new java.util.ArrayList<>(EntryMerger.merge(BundledLists.cslRows()));
        perFile.addAll(EntryMerger.merge(BundledLists.sdnRows()));
        Map<String, java.util.Set<ListSource>> twice = EntryMerger.merge(perFile).stream()
                .collect(Collectors.toMap(Entry::key, Entry::sources));
        Map<String, java.util.Set<ListSource>> once = entries.stream().collect(Collectors.toMap(Entry::key, Entry::sources));
        assertThat(twice).isEqualTo(once);
    }

    @Test
    void rowsOfOneNameWhoseFactsDisagreeStayApart() {
        Entry denied = Entry.builder(ListSource.DPL, "1").name("JOHN SMITH").nationality("US").build();
        Entry debarred = Entry.builder(ListSource.DTC, "2").name("Smith, John").nationality("GB").build();
        Entry unverified = Entry.builder(ListSource.UVL, "3").name("John  Smith").build();
        Entry internal = Entry.builder(ListSource.INTERNAL, "4").name("John Smith").build();
        List<Entry> merged = EntryMerger.merge(List.of(denied, debarred, unverified, internal));
        assertThat(merged).extracting(Entry::key).containsExactly("DPL:1", "DTC:2", "INTERNAL:4");
        assertThat(merged.get(0).sources()).containsExactlyInAnyOrder(ListSource.DPL, ListSource.UVL);
    }

    @Test
    void readsFactsFromSdnRemarks() {
        Entry yan = byKey.get("SDN:25308");
        assertThat(yan.name()).isEqualTo("YAN, Xiaobing");
        assertThat(yan.type()).isEqualTo(EntryType.INDIVIDUAL);
        assertThat(yan.datesOfBirth()).contains(new PartialDate(1977, 3, 25));
        assertThat(yan.placesOfBirth()).contains("Wuhan City, Hubei, China");
        assertThat(yan.nationalities()).contains("CN");
        assertThat(yan.aliases()).contains("ZHOU, William", "YAN, Steven");
        assertThat(yan.ids()).extracting(Identifier::number)
                .contains("12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h", "421002197703250019");
        assertThat(yan.programs()).contains("SDNTK");
    }

    @Test
    void readsPassportWithCountryAndLinkedTo() {
        Entry zawahiri = entries.stream().filter(entry -> entry.entityNumber() != null
                && entry.entityNumber().equals("2676")).findFirst().orElseThrow();
        assertThat(zawahiri.ids()).contains(new Identifier("Passport", "1084010", "EG"));
        assertThat(zawahiri.datesOfBirth()).contains(new PartialDate(1951, 6, 19));
        Entry linked = byKey.get("SDN:26860");
        assertThat(linked.linkedTo()).anyMatch(text -> text.startsWith("ISLAMIC REVOLUTIONARY GUARD CORPS"));
    }

    @Test
    void keepsEntityListFacts() {
        Entry plant = entries.stream().filter(entry -> entry.name().equals("140 Repair Plant JSC"))
                .findFirst().orElseThrow();
        assertThat(plant.key()).isEqualTo("EL:4398d33e9e93c7477af39f1e0bfffc13ddd47bcc");
        assertThat(plant.type()).isEqualTo(EntryType.UNKNOWN);
        assertThat(plant.aliases()).containsExactly("Open Joint Stock Company 140 Repair Plant", "JSC 140 Repair Plant");
        assertThat(plant.addresses()).singleElement().satisfies(address -> assertThat(address.country()).isEqualTo("BY"));
        assertThat(plant.licenseRequirement()).startsWith("For all items subject to the EAR");
        assertThat(plant.licensePolicy()).startsWith("Policy of denial");
        assertThat(plant.federalRegisterNotice()).isEqualTo("87 FR 20299");
        assertThat(plant.startDate()).isEqualTo("2022-04-07");
        assertThat(plant.addressOnly()).isFalse();
    }

    @Test
    void readsYearOnlyAndRangeDatesOfBirth() {
        Entry nasir = byKey.get("SDN:26095");
        assertThat(nasir.datesOfBirth()).contains(new PartialDate(1967, 0, 0), new PartialDate(1966, 0, 0));
    }
}
