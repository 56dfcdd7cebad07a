package io.tenantgate.identity.verification;

/** Published specimen MRZs: ICAO Doc 9303's "Utopia" documents and Germany's Erika Mustermann passport. */
final class MrzSamples {

    /** ICAO 9303 part 4, TD3 specimen passport. */
    static final String UTO_PASSPORT = """
            P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<
            L898902C36UTO7408122F1204159ZE184226B<<<<<10""";

    /** ICAO 9303 part 5, TD1 specimen identity card. */
    static final String UTO_ID_CARD = """
            I<UTOD231458907<<<<<<<<<<<<<<<
            7408122F1204159UTO<<<<<<<<<<<6
            ERIKSSON<<ANNA<MARIA<<<<<<<<<<""";

    /** The German specimen passport: ICAO code "D" for Germany, optional data all filler with '<' as its digit. */
    static final String GERMAN_PASSPORT = """
            P<D<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<
            C01X00T478D<<6408125F2702283<<<<<<<<<<<<<<<4""";

    private MrzSamples() {
    }

    /** Replaces one character of the MRZ text: the check digits must notice. */
    static String tamper(String mrz, int line, int column, char replacement) {
        String[] lines = mrz.split("\n");
        StringBuilder changed = new StringBuilder(lines[line]);
        changed.setCharAt(column, replacement);
        lines[line] = changed.toString();
        return String.join("\n", lines);
    }
}
