package dev.regionless.events.internal;

import dev.regionless.events.FailureDestination;
import dev.regionless.events.FailureRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a discarded batch goes when its mapping has no on-failure destination: Lambda drops it silently; the region
 * at least logs what it dropped, with the record a destination would have received.
 */
public final class LoggedDiscard implements FailureDestination {
    private static final Logger LOG = LoggerFactory.getLogger(LoggedDiscard.class);

    private final String uuid;

    public LoggedDiscard(String uuid) {
        this.uuid = uuid;
    }

    @Override
    public void send(FailureRecord record) {
        LOG.warn(
                "event source mapping {}: discarded {} records ({}), no on-failure destination: {}",
                uuid,
                record.batch().batchSize(),
                record.condition(),
                record.toJson());
    }
}
