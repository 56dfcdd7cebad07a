package io.tenantgate.screening.screening;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ScreeningServiceTest {

    @Test
    void scoresInExplanationsHaveFixedDecimalsRoundedHalfUp() {
        assertEquals("0.877", ScreeningService.fixed(0.87651, 3));
        assertEquals("1.000", ScreeningService.fixed(1.0, 3));
        assertEquals("0.900", ScreeningService.fixed(0.9, 3));
        assertEquals("-0.15", ScreeningService.fixed(-0.15, 2));
        assertEquals("0.05", ScreeningService.fixed(0.05, 2));
    }
}
