package io.tenantgate.reporting.export;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportPdfTest {

    @Test
    void thePdfStatesTheMetadataAndEveryContentFieldAndPaginates() throws IOException {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("Report id", "r-1");
        metadata.put("Ed25519 signature", "c2lnbmF0dXJl");
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("customer", Map.of("legalName", "Kestrel Labs GmbH", "emails", List.of("cfo@kestrel.example")));
        content.put("ipAddresses", java.util.stream.IntStream.range(0, 120)
                .mapToObj(i -> Map.of("ipAddress", "203.0.113." + i)).toList());
        content.put("note", "Zürich \u4e2d");

        byte[] pdf = ReportPdf.render("TenantGate report LARGE_AI_TRAINING_RUN", metadata, content);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("TenantGate report LARGE_AI_TRAINING_RUN"));
            assertTrue(text.contains("Ed25519 signature: c2lnbmF0dXJl"));
            assertTrue(text.contains("customer.legalName: Kestrel Labs GmbH"));
            assertTrue(text.contains("customer.emails[1]: cfo@kestrel.example"));
            assertTrue(text.contains("ipAddresses[120].ipAddress: 203.0.113.119"));
            assertTrue(text.contains("note: Zürich U+4E2D"), text);
            assertTrue(document.getNumberOfPages() > 1);
            assertEquals("TenantGate report LARGE_AI_TRAINING_RUN", document.getDocumentInformation().getTitle());
        }
    }
}
