package org.patchdesk.common;

/**
 * Receiver of progress reports from long-running work, and the source of its cancellation.
 * Implementations must be safe to call from a worker thread.
 */
public interface ProgressMonitor {

    /** A monitor that ignores progress and is never cancelled. */
    ProgressMonitor NONE = new ProgressMonitor() {
        @Override
        public void progress(long done, long total, String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /**
     * Reports that {@code done} of {@code total} units of work are finished.
     * A {@code total} of zero or less means the amount of work is not known.
     */
    void progress(long done, long total, String message);

    boolean isCancelled();

    /** Throws {@link OperationCancelledException} when cancellation was requested. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new OperationCancelledException();
        }
    }
}
