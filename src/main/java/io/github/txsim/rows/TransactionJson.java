package io.github.txsim.rows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.github.txsim.schema.TransactionColumn;

/**
 * Turns one CSV row into the JSON object that becomes one Kinesis record: the CSV header names are the keys, and each
 * value is of its column's JSON type ({@link TransactionColumn}): integers, an amount with two decimals (binary
 * floating-point noise removed), the date-time as a string, and any column the schema does not know as a string. A column the
 * header leaves out (pandas' unnamed index) is not in the record.
 */
public final class TransactionJson {

    /** A millionth of a cent: how far from a whole number of cents floating-point noise may leave an amount. */
    static final BigDecimal FLOAT_NOISE = new BigDecimal("0.00000001");

    private final JsonFactory factory = new JsonFactory();
    private final Set<String> leftOut;
    private CsvHeader columnsFrom;
    private List<Column> columns;

    /**
     * A column of the file: its name (also as JSON, encoded once per file rather than once per row), position and
     * JSON type (a column the schema does not know: a string).
     */
    private record Column(String name, SerializedString jsonName, int index, TransactionColumn.JsonType type) {
    }

    /** Each row's record has every column of its file. */
    public TransactionJson() {
        this(Set.of());
    }

    /** @param leftOut columns a record leaves out (the label columns, when labels go out later on a stream of their own) */
    public TransactionJson(Set<String> leftOut) {
        this.leftOut = Set.copyOf(leftOut);
    }

    /** The columns of the file being published, with their JSON types, worked out once per file. */
    private synchronized List<Column> columnsOf(CsvHeader header) {
        if (header != columnsFrom) {
            List<Column> found = new ArrayList<>();
            for (String name : header.names()) {
                if (leftOut.contains(name)) {
                    continue;
                }
                found.add(new Column(name, new SerializedString(name), header.positionOf(name), typeOf(name)));
            }
            columns = List.copyOf(found);
            columnsFrom = header;
        }
        return columns;
    }

    /** The column's JSON type: the schema's, or a string for a column the schema does not know. */
    private static TransactionColumn.JsonType typeOf(String column) {
        return TransactionColumn.named(column).map(TransactionColumn::jsonType)
                .orElse(TransactionColumn.JsonType.STRING);
    }

    /**
     * @param row a row with as many fields as its header ({@link SourceRows} rejects the others)
     * @throws InvalidRowException when a numeric column holds something else
     */
    public byte[] toJson(SourceRow row, String fileName) {
        List<Column> header = columnsOf(row.header());
        ByteArrayBuilder buffer = new ByteArrayBuilder(256);
        try (JsonGenerator json = factory.createGenerator(buffer)) {
            json.writeStartObject();
            for (Column column : header) {
                String value = row.value(column.index());
                json.writeFieldName(column.jsonName());
                switch (column.type()) {
                    case INTEGER -> json.writeNumber(integer(column.name(), value, fileName, row));
                    case AMOUNT -> json.writeNumber(amount(column.name(), value, fileName, row));
                    case DATE_TIME -> json.writeString(dateTime(column.name(), value, fileName, row));
                    case STRING -> json.writeString(value);
                }
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    /**
     * The value of a column as its record's JSON holds it, written as text: the partition key is this text, so that
     * the key and the JSON say the same ({@code " 17 "} and {@code 17.0} are both {@code 17}).
     */
    public String canonical(String column, String value, String fileName, SourceRow row) {
        return switch (typeOf(column)) {
            case INTEGER -> Long.toString(integer(column, value, fileName, row));
            case AMOUNT -> amount(column, value, fileName, row).toPlainString();
            case DATE_TIME -> dateTime(column, value, fileName, row);
            case STRING -> value;
        };
    }

    /**
     * A whole number. pandas writes an integer column as floats once it held a missing value ({@code 348.0}): a
     * number with a fractional part of zero is that integer; {@code 348.5} is refused.
     */
    public static long integer(String column, String value, String fileName, SourceRow row) {
        String text = value.strip();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException notPlain) {
            try {
                return new BigDecimal(text).longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                throw new InvalidRowException(fileName, row, column + " is not a whole number: '" + value + "'");
            }
        }
    }

    /**
     * A date and time, {@code yyyy-MM-dd HH:mm:ss}, that exists in the calendar: the consumers cast it to a
     * timestamp (docs/redshift.sql), which a value such as {@code 2018-02-30 25:61:61} would break.
     */
    public static String dateTime(String column, String value, String fileName, SourceRow row) {
        String text = value.strip();
        if (!EventTimes.isValid(text)) {
            throw new InvalidRowException(fileName, row, column + " is not a date and time (yyyy-MM-dd HH:mm:ss): '"
                    + value + "'");
        }
        return text;
    }

    /**
     * An amount in cents, with two decimals. Files written from binary floating point (pandas' {@code to_csv} of the
     * handbook's amounts times 5, say) carry noise such as {@code 49.900000000000006}: an amount within
     * {@link #FLOAT_NOISE} of a whole number of cents is that number of cents; one further away ({@code 12.345}) is
     * refused rather than rounded.
     */
    public static BigDecimal amount(String column, String value, String fileName, SourceRow row) {
        BigDecimal number;
        try {
            number = new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidRowException(fileName, row, column + " is not a number: '" + value + "'");
        }
        if (number.scale() <= 2) {
            return number.setScale(2);
        }
        BigDecimal cents = number.setScale(2, RoundingMode.HALF_EVEN);
        if (number.subtract(cents).abs().compareTo(FLOAT_NOISE) > 0) {
            throw new InvalidRowException(fileName, row, column + " has more than two decimals: '" + value + "'");
        }
        return cents;
    }
}
