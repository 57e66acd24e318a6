package org.chimerabench.exchange;

import java.util.regex.Pattern;

/**
 * OWASP's CSV-injection rule for every cell and header we write: text that starts with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return and is not a number gets a leading {@code '}, so a spreadsheet
 * shows it as text instead of running it as a formula. {@link #restore} undoes it when our own exports are
 * imported again.
 */
final class CsvCells {

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private CsvCells() {
    }

    /** The value as written: numbers and harmless text unchanged, formula-like text prefixed with {@code '}. */
    static Object neutralise(Object value) {
        if (!(value instanceof String text) || text.isEmpty()) {
            return value;
        }
        return dangerous(text) ? "'" + text : text;
    }

    /** The cell as it was before {@link #neutralise}. */
    static String restore(String cell) {
        if (cell != null && cell.length() > 1 && cell.charAt(0) == '\'' && dangerous(cell.substring(1))) {
            return cell.substring(1);
        }
        return cell;
    }

    private static boolean dangerous(String text) {
        char first = text.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
                || first == '\r';
        return formula && !NUMBER.matcher(text.strip()).matches();
    }
}
