package io.github.txsim.testing;

import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The exact numbers a data report's tables hold in their cells' {@code data-value}, for tests to read. */
public final class ReportCells {

    private ReportCells() {
    }

    /** The number of the cell the CSS selector finds; fails when there is none. */
    public static double value(HtmlPage page, String selector) {
        DomElement cell = page.querySelector(selector);
        assertNotNull(cell, selector + " is on the page");
        return Double.parseDouble(cell.getAttribute("data-value"));
    }

    /** A cell of the key numbers: column actual or expected. */
    public static double keyNumber(HtmlPage page, String key, String column) {
        return value(page, "#key-numbers tr[data-key='" + key + "'] td." + column);
    }

    /** A cell of the table of when frauds become known: within 1, 7, 30 or all (days), and its column. */
    public static double labelDelay(HtmlPage page, String within, String column) {
        return value(page, "#label-delay-table tr[data-within='" + within + "'] td." + column);
    }
}
