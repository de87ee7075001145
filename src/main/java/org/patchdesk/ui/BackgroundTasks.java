package org.patchdesk.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import javafx.concurrent.Task;

import org.patchdesk.common.OperationCancelledException;
import org.patchdesk.common.ProgressMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs long work (imports, exports, loading) off the JavaFX thread, one job at a time so that jobs
 * on the same database queue up. Results and failures are delivered on the JavaFX thread.
 */
public final class BackgroundTasks implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BackgroundTasks.class);

    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "patchdesk-worker");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * Starts {@code work} and returns its task, whose progress, message and cancel a view can bind
     * to. {@code onSuccess} or {@code onFailure} runs on the JavaFX thread; a cancelled task calls neither.
     */
    public <T> Task<T> submit(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Task<T> task = new WorkTask<>(title, work);
        task.setOnSucceeded(event -> onSuccess.accept(task.getValue()));
        task.setOnFailed(event -> {
            Throwable error = task.getException();
            if (!(error instanceof OperationCancelledException)) {
                onFailure.accept(error);
            }
        });
        executor.execute(task);
        return task;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** Adapts a JavaFX task to the monitor the services report to. */
    private static final class WorkTask<T> extends Task<T> {
        private final Work<T> work;
        /** The title again, because Task's own getter must not be called off the JavaFX thread. */
        private final String name;

        WorkTask(String title, Work<T> work) {
            this.work = work;
            this.name = title;
            updateTitle(title);
        }

        @Override
        protected T call() throws Exception {
            ProgressMonitor monitor = new ProgressMonitor() {
                @Override
                public void progress(long done, long total, String message) {
                    if (total > 0) {
                        updateProgress(done, total);
                    } else {
                        updateProgress(-1, 1);
                    }
                    updateMessage(message);
                }

                @Override
                public boolean isCancelled() {
                    return WorkTask.this.isCancelled();
                }
            };
            try {
                T result = work.run(monitor);
                log.debug("{}: done", name);
                return result;
            } catch (OperationCancelledException e) {
                log.info("{}: cancelled, and nothing was kept", name);
                throw e;
            } catch (Exception | Error e) {
                if (isCancelled()) {
                    log.warn("{}: failed after it was cancelled", name, e);
                }
                throw e;
            }
        }
    }
}
