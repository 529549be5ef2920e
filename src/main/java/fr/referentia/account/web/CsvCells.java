package fr.referentia.account.web;

/**
 * Spreadsheet formula injection (CSV injection): a cell starting with {@code = + - @}, a tab or a
 * carriage return may run as a formula when the file is opened; prefixed with a quote it reads
 * as text.
 */
final class CsvCells {

    private CsvCells() {
    }

    static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
