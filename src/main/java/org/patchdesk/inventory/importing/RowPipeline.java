package org.patchdesk.inventory.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.patchdesk.common.OperationCancelledException;
import org.patchdesk.common.ProgressMonitor;
import org.patchdesk.tabular.TabularFile;
import org.patchdesk.tabular.TabularFileException;
import org.patchdesk.tabular.TabularFiles;

/**
 * Reads and checks the rows of a sheet on a thread of its own while the caller writes the accepted
 * rows, a chunk at a time, so that reading and writing overlap. At most a few chunks wait between
 * the two, which bounds memory however long the file is.
 */
final class RowPipeline {

    private static final int QUEUED_CHUNKS = 4;
    private static final List<RowConverter.Accepted> END = List.of();

    private final ImportRequest request;
    private final ProgressMonitor monitor;
    private final BlockingQueue<List<RowConverter.Accepted>> queue = new ArrayBlockingQueue<>(QUEUED_CHUNKS);
    private final List<RejectedRow> rejected = new ArrayList<>();
    private volatile boolean stopped;
    private volatile Throwable readFailure;
    private volatile int currentRow;
    private int accepted;
    private int skipped;
    private String readingNotes = "";

    RowPipeline(ImportRequest request, ProgressMonitor monitor) {
        this.request = request;
        this.monitor = monitor;
    }

    /**
     * Reads the whole sheet and hands each chunk of accepted rows to {@code writer} on the calling
     * thread. Rethrows a read failure or cancellation after the reader stops.
     */
    void run(Consumer<List<RowConverter.Accepted>> writer) throws TabularFileException {
        Thread reader = new Thread(this::read, "patchdesk-import-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            while (true) {
                List<RowConverter.Accepted> chunk = queue.poll(100, TimeUnit.MILLISECONDS);
                if (chunk == END) {
                    break;
                }
                if (chunk != null) {
                    writer.accept(chunk);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationCancelledException();
        } finally {
            stopped = true;
            queue.clear();
            joinQuietly(reader);
        }
        rethrowReadFailure();
    }

    private void read() {
        RowConverter converter = new RowConverter(request.mapping());
        List<RowConverter.Accepted> chunk = new ArrayList<>(ImportApplier.CHUNK);
        ProgressMonitor rows = new RowProgress();
        try (TabularFile tabular = TabularFiles.open(request.file())) {
            readingNotes = tabular.readingNotes();
            tabular.readRows(request.sheet(), (number, cells) -> {
                currentRow = number;
                if (number <= request.headerRowNumber()) {
                    return !stopped;
                }
                RowConverter.Outcome outcome = converter.convert(new SheetRow(number, cells));
                if (outcome instanceof RowConverter.Accepted row) {
                    chunk.add(row);
                    accepted++;
                    if (chunk.size() == ImportApplier.CHUNK) {
                        hand(List.copyOf(chunk));
                        chunk.clear();
                    }
                } else if (outcome instanceof RowConverter.Rejected row) {
                    rejected.add(row.row());
                } else {
                    skipped++;
                }
                return !stopped;
            }, rows);
            hand(List.copyOf(chunk));
        } catch (Throwable e) {
            readFailure = e;
        } finally {
            hand(END);
        }
    }

    /** Queues a chunk for the writer, giving up when the writer has stopped. */
    private void hand(List<RowConverter.Accepted> chunk) {
        if (chunk.isEmpty() && chunk != END) {
            return;
        }
        try {
            while (!stopped && !queue.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                // The writer is busy; wait for room unless it stopped.
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void rethrowReadFailure() throws TabularFileException {
        Throwable failure = readFailure;
        if (failure == null) {
            return;
        }
        if (failure instanceof TabularFileException tabular) {
            throw tabular;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException("Reading " + request.file().getFileName() + " failed", failure);
    }

    private static void joinQuietly(Thread reader) {
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Returns the rows rejected so far; once {@link #run} has returned, that is all of them. */
    List<RejectedRow> rejected() {
        return rejected;
    }

    int accepted() {
        return accepted;
    }

    int skipped() {
        return skipped;
    }

    String readingNotes() {
        return readingNotes;
    }

    /** Reports the reader's progress as "Importing row N", because rows are written as they are read. */
    private final class RowProgress implements ProgressMonitor {
        @Override
        public void progress(long done, long total, String message) {
            monitor.progress(done, total, String.format(Locale.US, "Importing row %,d", currentRow));
        }

        @Override
        public boolean isCancelled() {
            return monitor.isCancelled();
        }
    }
}
