package io.github.txsim.publish;

import java.util.List;

import io.github.txsim.rows.SourceRow;

/**
 * Told of the rows whose records a group had acknowledged, once all of them are, before the file's checkpoint moves
 * past the group: what must survive a crash with them (the label events they give) is made durable here. A failure
 * fails the group's delivery, which is tried again as a group whose records were not all acknowledged is.
 */
public interface AcknowledgedRows {

    /** Nothing to do. */
    AcknowledgedRows NONE = (fileName, rows) -> { };

    void acknowledged(String fileName, List<SourceRow> rows) throws Exception;
}
