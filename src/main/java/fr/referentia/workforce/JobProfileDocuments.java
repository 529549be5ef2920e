package fr.referentia.workforce;

import fr.referentia.workforce.JobProfileExport.Group;
import fr.referentia.workforce.JobProfileExport.Row;
import fr.referentia.workforce.JobProfileExport.Sheet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * The word-processing forms of a job profile: DOCX through Apache POI (XWPF), and ODT written as its
 * OpenDocument package (mimetype, manifest, content with the same headings, paragraphs and tables), since no
 * ODF library is among the project's dependencies.
 */
final class JobProfileDocuments {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.FRENCH);
    static final List<String> COLUMNS = List.of("Code", "Compétence", "Niveau requis", "Importance");

    private JobProfileDocuments() {
    }

    static String subtitle(Sheet sheet) {
        return (sheet.organisationName().isEmpty() ? "" : sheet.organisationName() + " · ")
                + "Fiche de poste établie le " + sheet.generatedOn().format(DAY) + " avec Referentia";
    }

    static String groupTitle(Group group) {
        return "Compétences requises — " + group.frameworkTitle() + " (" + group.frameworkCode() + ", version "
                + group.version() + ")";
    }

    static byte[] docx(Sheet sheet) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.getProperties().getCoreProperties().setTitle("Fiche de poste — " + sheet.title());
            heading(doc, "Fiche de poste — " + sheet.title(), 18);
            text(doc, subtitle(sheet), false, 9);
            section(doc, "Mission", sheet.mission());
            section(doc, "Rattachement hiérarchique", sheet.reportingLine());
            section(doc, "Conditions d'exercice", sheet.conditions());
            for (Group group : sheet.groups()) {
                heading(doc, groupTitle(group), 12);
                XWPFTable table = doc.createTable(group.rows().size() + 1, COLUMNS.size());
                table.setWidth("100%");
                for (int c = 0; c < COLUMNS.size(); c++) {
                    cell(table.getRow(0), c, COLUMNS.get(c), true);
                }
                for (int r = 0; r < group.rows().size(); r++) {
                    Row row = group.rows().get(r);
                    XWPFTableRow line = table.getRow(r + 1);
                    cell(line, 0, row.itemCode(), true);
                    cell(line, 1, row.text(), false);
                    cell(line, 2, row.level() + " – " + row.levelLabel(), false);
                    cell(line, 3, row.importance(), false);
                }
            }
            heading(doc, "Échelle de maîtrise", 12);
            for (ProficiencyLevel level : sheet.scale()) {
                text(doc, level.rank() + " – " + level.label() + " : " + level.description(), false, 10);
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("DOCX export failed", e);
        }
    }

    private static void heading(XWPFDocument doc, String text, int size) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.LEFT);
        p.setSpacingBefore(200);
        XWPFRun run = p.createRun();
        run.setBold(true);
        run.setFontSize(size);
        run.setFontFamily("Calibri");
        run.setText(text);
    }

    private static void section(XWPFDocument doc, String title, String body) {
        if (body == null || body.isBlank()) {
            return;
        }
        heading(doc, title, 12);
        for (String line : body.split("\\R")) {
            text(doc, line, false, 10);
        }
    }

    private static void text(XWPFDocument doc, String text, boolean bold, int size) {
        XWPFRun run = doc.createParagraph().createRun();
        run.setBold(bold);
        run.setFontSize(size);
        run.setFontFamily("Calibri");
        run.setText(text);
    }

    private static void cell(XWPFTableRow row, int column, String text, boolean bold) {
        XWPFParagraph p = row.getCell(column).getParagraphs().get(0);
        XWPFRun run = p.createRun();
        run.setBold(bold);
        run.setFontSize(9);
        run.setText(text == null ? "" : text);
    }

    static byte[] odt(Sheet sheet) {
        StringBuilder body = new StringBuilder();
        body.append(h("Fiche de poste — " + sheet.title(), 1)).append(p(subtitle(sheet)));
        odtSection(body, "Mission", sheet.mission());
        odtSection(body, "Rattachement hiérarchique", sheet.reportingLine());
        odtSection(body, "Conditions d'exercice", sheet.conditions());
        int t = 0;
        for (Group group : sheet.groups()) {
            body.append(h(groupTitle(group), 2));
            body.append("<table:table table:name=\"Competences").append(++t).append("\">")
                    .append("<table:table-column table:number-columns-repeated=\"4\"/>");
            body.append("<table:table-header-rows>").append(odtRow(COLUMNS)).append("</table:table-header-rows>");
            for (Row row : group.rows()) {
                body.append(odtRow(List.of(row.itemCode(), row.text(), row.level() + " – " + row.levelLabel(),
                        row.importance())));
            }
            body.append("</table:table>");
        }
        body.append(h("Échelle de maîtrise", 2));
        sheet.scale().forEach(l -> body.append(p(l.rank() + " – " + l.label() + " : " + l.description())));
        String content = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
                + " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" office:version=\"1.2\">"
                + "<office:body><office:text>" + body + "</office:text></office:body></office:document-content>";
        String manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\""
                + " manifest:version=\"1.2\">"
                + "<manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.2\""
                + " manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
                + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
                + "</manifest:manifest>";
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(out)) {
            byte[] mimetype = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
            ZipEntry first = new ZipEntry("mimetype");
            first.setMethod(ZipEntry.STORED);
            first.setSize(mimetype.length);
            CRC32 crc = new CRC32();
            crc.update(mimetype);
            first.setCrc(crc.getValue());
            zip.putNextEntry(first);
            zip.write(mimetype);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
            zip.write(manifest.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("ODT export failed", e);
        }
    }

    private static void odtSection(StringBuilder body, String title, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        body.append(h(title, 2));
        for (String line : text.split("\\R")) {
            body.append(p(line));
        }
    }

    private static String odtRow(List<String> cells) {
        StringBuilder row = new StringBuilder("<table:table-row>");
        cells.forEach(c -> row.append("<table:table-cell office:value-type=\"string\">").append(p(c))
                .append("</table:table-cell>"));
        return row.append("</table:table-row>").toString();
    }

    private static String h(String text, int level) {
        return "<text:h text:outline-level=\"" + level + "\">" + xml(text) + "</text:h>";
    }

    private static String p(String text) {
        return "<text:p>" + xml(text) + "</text:p>";
    }

    static String xml(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\t') {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
