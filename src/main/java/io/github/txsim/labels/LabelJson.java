package io.github.txsim.labels;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.txsim.schema.LabelColumn;

/**
 * A label event as the JSON object of one record: every column of {@link LabelColumn}, in its order, each of its JSON
 * type, a column the event does not have (a settlement marker's transaction) as null.
 */
public final class LabelJson {

    static final String FRAUD = "FRAUD";
    /** The LABEL_TYPE of a settlement marker. */
    public static final String SETTLED = "SETTLED";
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final JsonFactory factory = new JsonFactory();

    public String toJson(LabelEvent event) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = factory.createGenerator(out)) {
            json.writeStartObject();
            for (LabelColumn column : LabelColumn.values()) {
                json.writeFieldName(column.name());
                write(json, valueOf(column, event));
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    private static Object valueOf(LabelColumn column, LabelEvent event) {
        if (event instanceof LabelEvent.FraudLabel fraud) {
            return switch (column) {
                case LABEL_TYPE -> FRAUD;
                case TRANSACTION_ID -> fraud.transactionId();
                case TX_DATETIME -> fraud.madeAt();
                case CUSTOMER_ID -> fraud.customerId();
                case TERMINAL_ID -> fraud.terminalId();
                case TX_FRAUD -> 1;
                case TX_FRAUD_SCENARIO -> fraud.scenario();
                case LABEL_KNOWN_AT -> fraud.knownAt();
                case LABEL_SOURCE -> fraud.source();
                case SETTLED_BEFORE -> null;
            };
        }
        LabelEvent.Settlement settlement = (LabelEvent.Settlement) event;
        return switch (column) {
            case LABEL_TYPE -> SETTLED;
            case TX_FRAUD -> 0;
            case LABEL_KNOWN_AT -> settlement.knownAt();
            case LABEL_SOURCE -> LabelEvent.Settlement.SOURCE;
            case SETTLED_BEFORE -> settlement.settledBefore();
            default -> null;
        };
    }

    private static void write(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Number number) {
            json.writeNumber(number.longValue());
        } else if (value instanceof LocalDateTime time) {
            json.writeString(DATE_TIME.format(time));
        } else {
            json.writeString(value.toString());
        }
    }
}
