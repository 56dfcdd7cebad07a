package io.tenantgate.identity.verification;

/** The machine-readable zone layouts of ICAO Doc 9303 that TenantGate reads. */
public enum MrzFormat {
    /** ID cards: three lines of 30 characters (9303 part 5). */
    TD1(3, 30),
    /** Passports: two lines of 44 characters (9303 part 4). */
    TD3(2, 44);

    private final int lines;
    private final int lineLength;

    MrzFormat(int lines, int lineLength) {
        this.lines = lines;
        this.lineLength = lineLength;
    }

    public int lines() {
        return lines;
    }

    public int lineLength() {
        return lineLength;
    }
}
