package fr.referentia.shared.spreadsheet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * XLSX files crafted part by part, as an attacker (or a careless generator) would write them: a
 * workbook made by Apache POI whose first sheet's XML, or any other part, is replaced.
 */
public final class CraftedXlsx {

    public static final String SHEET = "xl/worksheets/sheet1.xml";
    public static final String SHARED_STRINGS = "xl/sharedStrings.xml";
    static final String NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private CraftedXlsx() {
    }

    /** A workbook whose first sheet is this XML. */
    public static byte[] withSheet(String sheetXml) {
        return withParts(Map.of(SHEET, out -> out.append(sheetXml)));
    }

    /** A workbook whose first sheet is written by {@code sheetXml} (for large sheets). */
    public static byte[] withSheet(Consumer<StringBuilder> sheetXml) {
        return withParts(Map.of(SHEET, sheetXml));
    }

    /** A workbook made by POI (one sheet, one shared string), these parts replaced or added. */
    public static byte[] withParts(Map<String, Consumer<StringBuilder>> parts) {
        try {
            byte[] base;
            try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                workbook.createSheet("Feuille").createRow(0).createCell(0).setCellValue("email");
                workbook.write(out);
                base = out.toByteArray();
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(base));
                    ZipOutputStream out = new ZipOutputStream(bytes)) {
                for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                    out.putNextEntry(new ZipEntry(entry.getName()));
                    Consumer<StringBuilder> replacement = parts.get(entry.getName());
                    if (replacement == null) {
                        in.transferTo(out);
                    } else {
                        StringBuilder xml = new StringBuilder();
                        replacement.accept(xml);
                        out.write(xml.toString().getBytes(StandardCharsets.UTF_8));
                    }
                    out.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A worksheet element around these rows, with a {@code dimension} when {@code dimension} is not null. */
    public static String sheet(String dimension, String rows) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet xmlns=\"" + NS + "\">"
                + (dimension == null ? "" : "<dimension ref=\"" + dimension + "\"/>")
                + "<sheetData>" + rows + "</sheetData></worksheet>";
    }

    /** A row of inline-string cells from column A. */
    public static String row(int number, String... values) {
        StringBuilder row = new StringBuilder("<row r=\"" + number + "\">");
        for (int c = 0; c < values.length; c++) {
            row.append(cell(SheetCells.columnName(c) + number, values[c]));
        }
        return row.append("</row>").toString();
    }

    /** One inline-string cell. */
    public static String cell(String reference, String value) {
        return "<c r=\"" + reference + "\" t=\"inlineStr\"><is><t>" + value + "</t></is></c>";
    }

    /**
     * The file of issue 10: a header, then 20,000 rows (3 to 20,002) each holding one value in the
     * last column (XFD), with or without the dimension that declares it.
     */
    public static byte[] farRightCellOnTwentyThousandRows(boolean declared, String... header) {
        return withSheet(xml -> {
            xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet xmlns=\"")
                    .append(NS).append("\">");
            if (declared) {
                xml.append("<dimension ref=\"A1:XFD20002\"/>");
            }
            xml.append("<sheetData>").append(row(1, header));
            for (int r = 3; r <= 20_002; r++) {
                xml.append("<row r=\"").append(r).append("\">").append(cell("XFD" + r, "x")).append("</row>");
            }
            xml.append("</sheetData></worksheet>");
        });
    }

    /** A header, one row of values, then {@code count} empty rows: nothing a spreadsheet shows. */
    public static byte[] emptyRowsAfter(int count, String[] header, String[] values) {
        return withSheet(xml -> {
            xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet xmlns=\"")
                    .append(NS).append("\"><sheetData>").append(row(1, header)).append(row(2, values));
            for (int r = 3; r < 3 + count; r++) {
                xml.append("<row r=\"").append(r).append("\" ht=\"15\" customHeight=\"1\"/>");
            }
            xml.append("</sheetData></worksheet>");
        });
    }

    /** A sheet whose XML declares an external entity reading {@code file} and shows it in A1. */
    public static byte[] externalEntityInSheet(String fileUri) {
        return withSheet("<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \""
                + fileUri + "\">]><worksheet xmlns=\"" + NS + "\"><sheetData><row r=\"1\">"
                + "<c r=\"A1\" t=\"inlineStr\"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>");
    }

    /** The shared strings declare an external entity reading {@code file}. */
    public static byte[] externalEntityInSharedStrings(String fileUri) {
        return withParts(Map.of(SHARED_STRINGS, xml -> xml.append(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE sst [<!ENTITY xxe SYSTEM \"" + fileUri
                        + "\">]><sst xmlns=\"" + NS + "\" count=\"1\" uniqueCount=\"1\"><si><t>&xxe;</t></si></sst>")));
    }

    /** A sheet whose XML inflates from a few kilobytes to {@code megabytes} of spaces. */
    public static byte[] zipBomb(int megabytes) {
        return withSheet(xml -> {
            xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"").append(NS)
                    .append("\"><sheetData>");
            xml.append(" ".repeat(megabytes * 1024 * 1024));
            xml.append("</sheetData></worksheet>");
        });
    }
}
