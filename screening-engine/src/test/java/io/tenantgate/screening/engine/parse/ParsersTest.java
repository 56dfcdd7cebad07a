package io.tenantgate.screening.engine.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantgate.screening.engine.model.Entry;
import io.tenantgate.screening.engine.model.EntryType;
import io.tenantgate.screening.engine.model.Identifier;
import io.tenantgate.screening.engine.model.ListSource;
import io.tenantgate.screening.engine.model.PartialDate;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParsersTest {

    private static final String CSL_HEADER = "_id,source,entity_number,type,programs,name,title,addresses,"
            + "federal_register_notice,start_date,end_date,standard_order,license_requirement,license_policy,call_sign,"
            + "vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,source_list_url,"
            + "alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,source_information_url,ids\n";

    @Test
    void sdnFilesWithCrLfNullsAndCtrlZ() {
        String sdn = "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
                + "2674,\"ABBAS, Abu\",\"individual\",\"SDGT] [IRGC\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"
                + "\"DOB 10 Dec 1948; alt. DOB 1949; POB Haifa; nationality Iraq; a.k.a. 'ABU ABBAS'.\"\r\n\u001A";
        String add = "2674,1,\"Street 1\",\"Baghdad\",\"Iraq\",-0- \r\n99999,2,-0- ,-0- ,\"Iran\",-0- \r\n\u001A";
        String alt = "36,10,\"aka\",\"AERO-CARIBBEAN\",-0- \r\n99999,11,\"aka\",\"ORPHAN\",-0- \r\n\u001A";
        String comments = "2674,\"Passport 123456 (Iraq).\"\r\n\u001A";
        List<Entry> entries = SdnParser.parse(new StringReader(sdn), new StringReader(add), new StringReader(alt),
                new StringReader(comments));

        assertThat(entries).hasSize(2);
        Entry airline = entries.get(0);
        assertThat(airline.key()).isEqualTo("SDN:36");
        assertThat(airline.type()).isEqualTo(EntryType.ENTITY);
        assertThat(airline.aliases()).containsExactly("AERO-CARIBBEAN");
        assertThat(airline.remarks()).isNull();
        Entry abbas = entries.get(1);
        assertThat(abbas.programs()).containsExactly("SDGT", "IRGC");
        assertThat(abbas.datesOfBirth()).containsExactly(new PartialDate(1948, 12, 10), new PartialDate(1949, 0, 0));
        assertThat(abbas.placesOfBirth()).containsExactly("Haifa");
        assertThat(abbas.nationalities()).containsExactly("IQ");
        assertThat(abbas.aliases()).containsExactly("ABU ABBAS");
        assertThat(abbas.addresses()).singleElement().satisfies(address -> assertThat(address.country()).isEqualTo("IQ"));
        assertThat(abbas.ids()).containsExactly(new Identifier("Passport", "123456", "IQ"));
    }

    @Test
    void malformedSdnFileIsRejectedWithLineNumber() {
        String sdn = "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
                + "37,\"SHORT ROW\",-0- \r\n";
        assertThatThrownBy(() -> SdnParser.parse(new StringReader(sdn), null, null, null))
                .isInstanceOfSatisfying(ListParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.reason()).contains("expected 12 columns");
                });
    }

    @Test
    void unterminatedQuoteIsRejected() {
        String csl = CSL_HEADER + "x1,Entity List (EL) - Bureau of Industry and Security,,,,\"Broken,,,,,,,,,,,,,,,,,,,,,,,\n";
        assertThatThrownBy(() -> CslCsvParser.parse("consolidated.csv", new StringReader(csl)))
                .isInstanceOf(ListParseException.class).hasMessageContaining("consolidated.csv line");
    }

    @Test
    void fileWithoutTheCslColumnsIsRejectedAtItsHeader() {
        String csv = "name,country\nSomeone,RU\n";
        assertThatThrownBy(() -> CslCsvParser.parse("other.csv", new StringReader(csv)))
                .isInstanceOfSatisfying(ListParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.reason()).contains("missing columns");
                });
    }

    @Test
    void unknownCslSourceIsRejectedWithLineNumber() {
        String csl = CSL_HEADER
                + "a1,Entity List (EL) - Bureau of Industry and Security,,,,Good Name,,,,,,,,,,,,,,,,,,,,,,,\n"
                + "a2,Some Other List,,,,Bad Row,,,,,,,,,,,,,,,,,,,,,,,\n";
        assertThatThrownBy(() -> CslCsvParser.parse("consolidated.csv", new StringReader(csl)))
                .isInstanceOfSatisfying(ListParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.reason()).contains("unknown list source");
                });
    }

    @Test
    void entityListAddressEntriesAreAddressOnly() {
        String csl = CSL_HEADER + "h1,Entity List (EL) - Bureau of Industry and Security,,,,"
                + "\"Room 1102, 11/F, Example Building, 8 Sample Road, Kowloon\",,\"Room 1102, 11/F, Example Building, "
                + "8 Sample Road, Kowloon, HK\",88 FR 1,2023-01-01,,,For all items subject to the EAR.,Policy of denial.,"
                + ",,,,,,,,,,,,,,\n";
        Entry entry = CslCsvParser.parse("consolidated.csv", new StringReader(csl)).get(0);
        assertThat(entry.addressOnly()).isTrue();
        assertThat(entry.addresses().get(0).country()).isEqualTo("HK");
    }

    @Test
    void cslJsonFormGivesTheSameEntriesAsTheCsv() {
        Reader json = new InputStreamReader(getClass().getResourceAsStream("/lists/csl-sample.json"), StandardCharsets.UTF_8);
        List<Entry> entries = CslJsonParser.parse("csl-sample.json", json);

        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).key()).isEqualTo("EL:4398d33e9e93c7477af39f1e0bfffc13ddd47bcc");
        assertThat(entries.get(0).aliases()).containsExactly("Open Joint Stock Company 140 Repair Plant", "JSC 140 Repair Plant");
        assertThat(entries.get(0).addresses().get(0).country()).isEqualTo("BY");
        Entry sdn = entries.get(1);
        assertThat(sdn.key()).isEqualTo("SDN:26095");
        assertThat(sdn.sources()).containsExactly(ListSource.SDN);
        assertThat(sdn.datesOfBirth()).containsExactly(new PartialDate(1967, 0, 0), new PartialDate(1966, 0, 0));
        assertThat(sdn.nationalities()).containsExactly("IQ");
        assertThat(sdn.ids()).containsExactly(new Identifier("Passport", "A123", "IQ"));
    }

    @Test
    void malformedJsonIsRejectedWithLineNumber() {
        String json = "{\"results\": [\n{\"source\": \"Entity List (EL)\", \"id\": \"x\", \"name\": \"A\"},\n{\"source\": }\n]}";
        assertThatThrownBy(() -> CslJsonParser.parse("bad.json", new StringReader(json)))
                .isInstanceOfSatisfying(ListParseException.class, e -> assertThat(e.line()).isEqualTo(3));
    }

    @Test
    void internalListFormat() {
        Reader csv = new InputStreamReader(getClass().getResourceAsStream("/lists/internal.csv"), StandardCharsets.UTF_8);
        List<Entry> entries = InternalListParser.parse("internal.csv", csv);

        assertThat(entries).extracting(Entry::key).containsExactly("INTERNAL:FRAUD-1", "INTERNAL:FRAUD-2", "INTERNAL:ADDR-1");
        assertThat(entries.get(0).nationalities()).containsExactlyInAnyOrder("RU", "CY");
        assertThat(entries.get(0).ids()).containsExactly(new Identifier("Tax ID", "7701234567", "RU"));
        assertThat(entries.get(1).datesOfBirth()).containsExactly(new PartialDate(1980, 2, 3), new PartialDate(1981, 0, 0));
        assertThat(entries.get(2).addressOnly()).isTrue();
    }

    @Test
    void internalListWithUnknownCountryIsRejected() {
        String csv = "key,name,aliases,type,countries,dates_of_birth,ids,programs,remarks\n"
                + "K1,Name,,individual,Atlantis,,,,\n";
        assertThatThrownBy(() -> InternalListParser.parse("internal.csv", new StringReader(csv)))
                .isInstanceOfSatisfying(ListParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.reason()).contains("Atlantis");
                });
    }
}
