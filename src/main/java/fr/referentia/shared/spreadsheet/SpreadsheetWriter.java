package fr.referentia.shared.spreadsheet;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The one writer of spreadsheets the application hands out. CSV: UTF-8 with a byte order mark and
 * {@code ;} between cells, as French Excel opens it, each cell through {@link #neutralise}. XLSX:
 * every value a string cell, which a spreadsheet shows as text and never runs, so the text stays
 * exactly as stored.
 */
public final class SpreadsheetWriter {

    private static final String DANGEROUS_START = "=+-@\t\r";
    private static final char BOM = '\uFEFF';

    private SpreadsheetWriter() {
    }

    /**
     * CSV injection (OWASP): a cell starting with {@code = + - @}, a tab or a carriage return may run
     * as a formula when the file is opened; prefixed with an apostrophe it reads as text.
     */
    public static String neutralise(String value) {
        return value != null && !value.isEmpty() && DANGEROUS_START.indexOf(value.charAt(0)) >= 0 ? "'" + value
                : value;
    }

    /** Undoes {@link #neutralise} on a value read back from one of these files. */
    public static String restore(String value) {
        return value != null && value.length() > 1 && value.charAt(0) == '\''
                && DANGEROUS_START.indexOf(value.charAt(1)) >= 0 ? value.substring(1) : value;
    }

    /** A whole CSV file: the header, then each row; a null cell is written empty. */
    public static byte[] csv(List<String> header, Iterable<? extends List<String>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvSheet csv = csv(out, header)) {
            rows.forEach(csv::row);
        }
        return out.toByteArray();
    }

    /** A CSV written row by row into {@code out} (for long exports); closing it flushes, and closes {@code out}. */
    public static CsvSheet csv(OutputStream out, List<String> header) {
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write(BOM); // lets spreadsheet programs read the file as UTF-8
            CsvSheet sheet = new CsvSheet(new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setDelimiter(';').get()));
            sheet.row(header);
            return sheet;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A CSV being written. */
    public static final class CsvSheet implements Closeable {

        private final CSVPrinter printer;

        private CsvSheet(CSVPrinter printer) {
            this.printer = printer;
        }

        /** One row, each cell neutralised. */
        public CsvSheet row(List<String> cells) {
            try {
                for (String cell : cells) {
                    printer.print(neutralise(cell));
                }
                printer.println();
                return this;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                printer.close(true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A new XLSX workbook to fill sheet by sheet, then {@link Xlsx#bytes()}. */
    public static Xlsx xlsx() {
        return new Xlsx();
    }

    /** How the cells of a row look. */
    public enum Style {
        PLAIN, BOLD, WRAPPED
    }

    /** An XLSX workbook being written. */
    public static final class Xlsx {

        private final XSSFWorkbook workbook = new XSSFWorkbook();
        private final CellStyle bold;
        private final CellStyle wrapped;

        private Xlsx() {
            bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            wrapped = workbook.createCellStyle();
            wrapped.setWrapText(true);
        }

        /** A new sheet, after the ones already made. */
        public XlsxSheet sheet(String name) {
            return new XlsxSheet(this, workbook.createSheet(name));
        }

        /** The finished file. */
        public byte[] bytes() {
            try (workbook; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                workbook.write(out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException("Spreadsheet generation failed", e);
            }
        }
    }

    /** A sheet being written, row after row from the first. */
    public static final class XlsxSheet {

        private final Xlsx book;
        private final Sheet sheet;
        private int next;

        private XlsxSheet(Xlsx book, Sheet sheet) {
            this.book = book;
            this.sheet = sheet;
        }

        /** The next row; a null cell is left out. */
        public XlsxSheet row(List<String> cells) {
            return row(Style.PLAIN, cells);
        }

        /** The next row, its cells in this style; a null cell is left out. */
        public XlsxSheet row(Style style, List<String> cells) {
            Row row = sheet.createRow(next++);
            for (int c = 0; c < cells.size(); c++) {
                if (cells.get(c) != null) {
                    var cell = row.createCell(c, CellType.STRING);
                    cell.setCellValue(cells.get(c));
                    if (style == Style.BOLD) {
                        cell.setCellStyle(book.bold);
                    } else if (style == Style.WRAPPED) {
                        cell.setCellStyle(book.wrapped);
                    }
                }
            }
            return this;
        }

        /** A column's width, in characters. */
        public XlsxSheet columnWidth(int column, int characters) {
            sheet.setColumnWidth(column, characters * 256);
            return this;
        }

        /** Keeps the first {@code rows} rows in view while scrolling (a header row). */
        public XlsxSheet freezeRows(int rows) {
            sheet.createFreezePane(0, rows);
            return this;
        }

        /**
         * Cells of {@code column} in rows {@code firstRow} to {@code lastRow} (0-based) offer the values of
         * {@code range} (e.g. {@code Types!$A$2:$A$15}) in a list and refuse any other, with {@code error}.
         */
        public XlsxSheet choicesFrom(int column, int firstRow, int lastRow, String range, String error) {
            DataValidationHelper helper = sheet.getDataValidationHelper();
            return validate(helper.createFormulaListConstraint(range), column, firstRow, lastRow, error);
        }

        /** As {@link #choicesFrom}, from a short list of values written in the rule itself (255 characters in all). */
        public XlsxSheet choices(int column, int firstRow, int lastRow, List<String> values, String error) {
            DataValidationHelper helper = sheet.getDataValidationHelper();
            return validate(helper.createExplicitListConstraint(values.toArray(String[]::new)), column, firstRow,
                    lastRow, error);
        }

        /** Cells of {@code column} accept only whole numbers of at least {@code min}, else {@code error}. */
        public XlsxSheet wholeNumbers(int column, int firstRow, int lastRow, int min, String error) {
            DataValidationHelper helper = sheet.getDataValidationHelper();
            return validate(helper.createIntegerConstraint(DataValidationConstraint.OperatorType.GREATER_OR_EQUAL,
                    Integer.toString(min), null), column, firstRow, lastRow, error);
        }

        private XlsxSheet validate(DataValidationConstraint constraint, int column, int firstRow, int lastRow,
                String error) {
            DataValidation validation = sheet.getDataValidationHelper().createValidation(constraint,
                    new CellRangeAddressList(firstRow, lastRow, column, column));
            validation.setEmptyCellAllowed(true);
            // Excel reads showDropDown="1" as "hide the list's arrow"; POI's XSSF writes showDropDown="0"
            // when the arrow is "suppressed": this is what shows the arrow of a list (no effect on others).
            validation.setSuppressDropDownArrow(true);
            validation.setShowErrorBox(true);
            validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
            validation.createErrorBox("Valeur refusée", error);
            sheet.addValidationData(validation);
            return this;
        }
    }
}
