package io.tenantgate.screening.engine.model;

import java.util.Locale;

/** The lists a restricted party can be on; the codes are those of the trade.gov Consolidated Screening List. */
public enum ListSource {
    EL("Entity List"),
    DPL("Denied Persons List"),
    UVL("Unverified List"),
    MEU("Military End User"),
    ISN("Nonproliferation Sanctions"),
    DTC("ITAR Debarred"),
    SDN("Specially Designated Nationals"),
    FSE("Foreign Sanctions Evaders"),
    SSI("Sectoral Sanctions Identifications"),
    CMIC("Non-SDN Chinese Military-Industrial Complex Companies"),
    CAP("Correspondent Account or Payable-Through Account Sanctions"),
    PLC("Palestinian Legislative Council"),
    MBS("Non-SDN Menu-Based Sanctions"),
    /** The provider's own internal list. */
    INTERNAL("Internal list");

    private final String longNamePrefix;

    ListSource(String longNamePrefix) {
        this.longNamePrefix = longNamePrefix;
    }

    /** OFAC lists share one entity-number namespace, so their rows can be merged by number. */
    public boolean isOfac() {
        return switch (this) {
            case SDN, FSE, SSI, CMIC, CAP, PLC, MBS -> true;
            default -> false;
        };
    }

    /**
     * Maps the CSL {@code source} cell, e.g. "Entity List (EL) - Bureau of Industry and Security",
     * to its code. The code in parentheses wins; the long name is the fallback for older files.
     */
    public static ListSource fromCslSource(String cell) {
        String text = cell.trim();
        int open = text.indexOf('(');
        int close = text.indexOf(')', open + 1);
        if (open >= 0 && close > open) {
            String code = text.substring(open + 1, close).toUpperCase(Locale.ROOT).replace("NS-", "");
            for (ListSource source : values()) {
                if (code.equals(source.name()) || code.equals(source.name() + "TA")) {
                    return source; // "CAPTA" is the CAP list
                }
            }
        }
        for (ListSource source : values()) {
            if (text.regionMatches(true, 0, source.longNamePrefix, 0, source.longNamePrefix.length())) {
                return source;
            }
        }
        throw new IllegalArgumentException("unknown list source: " + cell);
    }
}
