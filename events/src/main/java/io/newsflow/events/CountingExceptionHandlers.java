package io.newsflow.events;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Kafka's log-and-continue handlers (which also send the record to the dead-letter topic) that count each dead
 * letter by reason in the stage's {@link StageMeters}, found in the Streams settings under {@link StageMeters#CONFIG}.
 */
public final class CountingExceptionHandlers {
    private CountingExceptionHandlers() {
    }

    /** A record that cannot be read: it never reaches the topology, so it is also counted as read here. */
    public static final class Deserialization extends LogAndContinueExceptionHandler {
        private StageMeters meters = StageMeters.NONE;

        @Override
        public void configure(Map<String, ?> configs) {
            super.configure(configs);
            meters = StageMeters.from(configs);
        }

        @Override
        public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                    Exception exception) {
            meters.articleIn();
            meters.deadLetter(StageMeters.reason(exception));
            return super.handleError(context, record, exception);
        }
    }

    /** A record the topology failed on (an invalid article, one too large). */
    public static final class Processing extends LogAndContinueProcessingExceptionHandler {
        private StageMeters meters = StageMeters.NONE;

        @Override
        public void configure(Map<String, ?> configs) {
            super.configure(configs);
            meters = StageMeters.from(configs);
        }

        @Override
        public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
            meters.deadLetter(StageMeters.reason(exception));
            return super.handleError(context, record, exception);
        }
    }
}
