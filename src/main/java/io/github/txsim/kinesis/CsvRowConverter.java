package io.github.txsim.kinesis;

import org.apache.camel.dataformat.csv.CsvRecordConverter;
import org.apache.commons.csv.CSVRecord;

/**
 * Hands Commons CSV's own records to the route, rather than camel-csv's lists or maps, so that the publisher can read
 * a row by column name and still knows its record number for error messages.
 */
public final class CsvRowConverter implements CsvRecordConverter<CSVRecord> {

    @Override
    public CSVRecord convertRecord(CSVRecord record) {
        return record;
    }
}
