package io.tenantgate.reporting.export;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders a report as PDF: a heading, the report's metadata and signature, then every content field as
 * "path: value" lines, wrapped and paginated. The PDF states the same facts as the JSON export; the JSON
 * (with its hash and signature) is the authoritative form.
 */
public final class ReportPdf {

    private static final float MARGIN = 50;
    private static final float SIZE = 9;
    private static final float LEADING = 12;
    private static final int WRAP = 100;

    private ReportPdf() {
    }

    /**
     * @param title    the heading
     * @param metadata labelled lines shown first (id, status, hash, signature, ...), in order
     * @param content  the report content, nested maps and lists
     */
    public static byte[] render(String title, Map<String, Object> metadata, Map<String, Object> content) {
        List<String> lines = new ArrayList<>();
        metadata.forEach((key, value) -> lines.add(key + ": " + (value == null ? "-" : value)));
        lines.add("");
        flatten("", content, lines);
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(title);
            info.setCreator("TenantGate reporting-service");
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            Writer writer = new Writer(document);
            writer.line(bold, 14, title);
            writer.blank();
            for (String line : lines) {
                for (String part : wrap(printable(line))) {
                    writer.line(regular, SIZE, part);
                }
            }
            writer.close();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the PDF could not be rendered", e);
        }
    }

    private static void flatten(String path, Object value, List<String> lines) {
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                lines.add(path + ": (none)");
            }
            map.forEach((k, v) -> flatten(path.isEmpty() ? k.toString() : path + "." + k, v, lines));
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                lines.add(path + ": (none)");
            }
            for (int i = 0; i < list.size(); i++) {
                flatten(path + "[" + (i + 1) + "]", list.get(i), lines);
            }
        } else {
            lines.add(path + ": " + (value == null ? "-" : value));
        }
    }

    /** The standard fonts encode WinAnsi only: other characters are shown as their code point. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp >= 0x20 && cp < 0x7f || cp >= 0xa0 && cp <= 0xff) {
                out.appendCodePoint(cp);
            } else {
                out.append(String.format("U+%04X", cp));
            }
        });
        return out.toString();
    }

    private static List<String> wrap(String line) {
        List<String> parts = new ArrayList<>();
        String rest = line;
        while (rest.length() > WRAP) {
            int cut = rest.lastIndexOf(' ', WRAP);
            cut = cut <= WRAP / 2 ? WRAP : cut;
            parts.add(rest.substring(0, cut));
            rest = "    " + rest.substring(cut).strip();
        }
        parts.add(rest);
        return parts;
    }

    /** Writes lines top to bottom, starting a new page when one is full. */
    private static final class Writer {
        private final PDDocument document;
        private PDPageContentStream stream;
        private float y;

        Writer(PDDocument document) throws IOException {
            this.document = document;
            newPage();
        }

        void line(PDType1Font font, float size, String text) throws IOException {
            if (y < MARGIN) {
                stream.close();
                newPage();
            }
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(MARGIN, y);
            stream.showText(text);
            stream.endText();
            y -= size > SIZE ? LEADING * 1.6f : LEADING;
        }

        void blank() {
            y -= LEADING;
        }

        void close() throws IOException {
            stream.close();
        }

        private void newPage() throws IOException {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = page.getMediaBox().getHeight() - MARGIN;
        }
    }
}
