package io.tenantgate.screening.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantgate.screening.engine.model.Entry;
import io.tenantgate.screening.engine.model.EntryType;
import io.tenantgate.screening.engine.model.ListSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AliasPairsTest {

    private static final List<Entry> ENTRIES = List.of(
            Entry.builder(ListSource.SDN, "1").type(EntryType.INDIVIDUAL).name("KARYAKIN, Alexei")
                    .alias("KARIAKIN, Aleksey").alias("KARYAKIN, ALEXEI").build(),
            Entry.builder(ListSource.SDN, "2").type(EntryType.INDIVIDUAL).name("KARYAKIN, Boris").build(),
            Entry.builder(ListSource.SDN, "3").type(EntryType.ENTITY).name("KARYAKIN TRADING LLC").build());

    @Test
    void aliasesAreMatchesAndNamesSharingAWordAreNonMatchesOfTheSameKind() {
        List<AliasPairs.Pair> pairs = AliasPairs.mine(ENTRIES, 1);
        // the alias differing only in case is no pair; the person never pairs with the company
        assertThat(pairs).filteredOn(AliasPairs.Pair::match).containsExactly(
                new AliasPairs.Pair("alias_person", "Person", "KARIAKIN, Aleksey", "KARYAKIN, Alexei", true));
        assertThat(pairs).filteredOn(pair -> !pair.match()).singleElement().satisfies(pair -> {
            assertThat(pair.group()).isEqualTo("shared_word_person");
            assertThat(List.of(pair.name1(), pair.name2())).containsExactlyInAnyOrder("KARYAKIN, Alexei", "KARYAKIN, Boris");
        });
        assertThat(AliasPairs.mine(ENTRIES, 1)).isEqualTo(pairs);
    }

    @Test
    void theCsvQuotesNamesForThePairsCommand() {
        List<String> lines = new ArrayList<>(AliasPairs.csv(List.of(
                new AliasPairs.Pair("alias_company", "Company", "ACME, \"THE\" LTD", "ACME LTD", true))));
        assertThat(lines).containsExactly("case_group,schema,name1,name2,is_match",
                "alias_company,Company,\"ACME, \"\"THE\"\" LTD\",\"ACME LTD\",true");
    }
}
