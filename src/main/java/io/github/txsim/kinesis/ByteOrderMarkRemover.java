package io.github.txsim.kinesis;

import java.io.InputStream;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.commons.io.input.BOMInputStream;

/**
 * Drops a UTF-8 byte order mark from the start of a file, which Commons CSV would otherwise read as part of the
 * first column's name.
 */
public final class ByteOrderMarkRemover implements Processor {

    @Override
    public void process(Exchange exchange) throws Exception {
        InputStream file = exchange.getMessage().getMandatoryBody(InputStream.class);
        exchange.getMessage().setBody(BOMInputStream.builder().setInputStream(file).get());
    }
}
