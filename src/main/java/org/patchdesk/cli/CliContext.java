package org.patchdesk.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.BiFunction;

import org.patchdesk.common.Actor;
import org.patchdesk.storage.DataDirectories;
import org.patchdesk.workspace.Services;
import org.patchdesk.workspace.Workspace;

/**
 * The state that commands share during one run: the environment, the data folder option, and
 * the site database, opened on first use and closed when the run ends.
 */
public final class CliContext implements AutoCloseable {

    private final Map<String, String> environment;
    private final Clock clock;
    private final BiFunction<Path, Clock, Workspace> workspaceOpener;
    private Path dataDirOption;
    private Workspace workspace;
    private Services services;

    public CliContext(Map<String, String> environment, Clock clock, BiFunction<Path, Clock, Workspace> workspaceOpener) {
        this.environment = environment;
        this.clock = clock;
        this.workspaceOpener = workspaceOpener;
    }

    void setDataDirOption(Path folder) {
        this.dataDirOption = folder;
    }

    public Clock clock() {
        return clock;
    }

    /** Returns the data folder that the {@code --data-dir} option, the environment or the operating system names. */
    public Path dataFolder() {
        return new DataDirectories(environment, System.getProperty("os.name", ""), System.getProperty("user.home", "."))
                .resolve(dataDirOption);
    }

    /** Returns the user that changes are recorded under: the operating-system user. */
    public Actor actor() {
        return Actor.operatingSystemUser();
    }

    /**
     * Returns the site database's services, locking the data folder and opening the database on
     * first use.
     *
     * @throws org.patchdesk.storage.DatabaseUnavailableException when the database cannot be opened
     */
    public synchronized Services services() {
        if (services == null) {
            workspace = workspaceOpener.apply(dataFolder(), clock);
            try {
                services = workspace.openSite();
            } catch (RuntimeException e) {
                workspace.close();
                workspace = null;
                throw e;
            }
        }
        return services;
    }

    @Override
    public synchronized void close() {
        if (services != null) {
            services.close();
            services = null;
        }
        if (workspace != null) {
            workspace.close();
            workspace = null;
        }
    }
}
