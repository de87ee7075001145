package org.patchdesk.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.BiFunction;

import org.patchdesk.backup.RestoreCandidate;
import org.patchdesk.common.Actor;
import org.patchdesk.storage.DataDirectories;
import org.patchdesk.users.PasswordHasher;
import org.patchdesk.users.Role;
import org.patchdesk.users.User;
import org.patchdesk.users.UserService;
import org.patchdesk.workspace.Services;
import org.patchdesk.workspace.Workspace;

/**
 * The state that commands share during one run: the environment, the data folder and user
 * options, the signed-in user, and the site database, opened on first use and closed when the run
 * ends.
 */
public final class CliContext implements AutoCloseable {

    /** The environment variable that contains the password of the {@code --user} account. */
    public static final String PASSWORD_VARIABLE = "PATCHDESK_PASSWORD";
    /** The environment variable that contains the password of the account {@code users add} creates. */
    public static final String NEW_PASSWORD_VARIABLE = "PATCHDESK_NEW_PASSWORD";

    /** Reads a password typed at a prompt; returns null when there is no terminal to read from. */
    @FunctionalInterface
    public interface PasswordPrompt {
        char[] read(String prompt);

        /** Reads from the terminal without echo, through {@link Console}. */
        PasswordPrompt CONSOLE = prompt -> {
            Console console = System.console();
            return console == null ? null : console.readPassword("%s", prompt);
        };
    }

    private final Map<String, String> environment;
    private final Clock clock;
    private final BiFunction<Path, Clock, Workspace> workspaceOpener;
    private final PasswordPrompt prompt;
    private Path dataDirOption;
    private String userOption;
    private Actor signedIn;
    private Workspace workspace;
    private Services services;

    public CliContext(Map<String, String> environment, Clock clock, BiFunction<Path, Clock, Workspace> workspaceOpener) {
        this(environment, clock, workspaceOpener, PasswordPrompt.CONSOLE);
    }

    public CliContext(Map<String, String> environment, Clock clock, BiFunction<Path, Clock, Workspace> workspaceOpener,
                      PasswordPrompt prompt) {
        this.environment = environment;
        this.clock = clock;
        this.workspaceOpener = workspaceOpener;
        this.prompt = prompt;
    }

    void setDataDirOption(Path folder) {
        this.dataDirOption = folder;
    }

    void setUserOption(String userName) {
        this.userOption = userName;
    }

    /** Returns the {@code --user} option, or null. */
    String userOption() {
        return userOption;
    }

    public Clock clock() {
        return clock;
    }

    /** Returns the data folder that the {@code --data-dir} option, the environment or the operating system names. */
    public Path dataFolder() {
        return new DataDirectories(environment, System.getProperty("os.name", ""), System.getProperty("user.home", "."))
                .resolve(dataDirOption);
    }

    /**
     * Returns the user that changes are recorded under, signing in on first use. While the
     * database has no user accounts it is the operating-system user. Once accounts exist it is the
     * {@code --user} account, whose password comes from {@value #PASSWORD_VARIABLE} or a prompt.
     *
     * @throws IllegalStateException when accounts exist and {@code --user} is missing, the account has the auditor role only, or
     *                               {@code --user} is given before any account exists
     * @throws org.patchdesk.users.AuthenticationException when the password does not match
     */
    public synchronized Actor actor() {
        if (signedIn == null) {
            signedIn = signIn();
        }
        return signedIn;
    }

    /**
     * Returns the name to print on documents that change no record, such as work orders: the
     * {@code --user} account when the option is given, else the operating-system user.
     */
    public Actor printedBy() {
        return userOption == null ? Actor.operatingSystemUser() : actor();
    }

    /**
     * Returns how a report names who printed it: the {@code --user} account's printed name, user
     * name and roles, or the operating-system user marked as such when no account signed in.
     */
    public String printedByDescription() {
        if (userOption == null) {
            return Actor.operatingSystemUser().name() + ", operating-system user; no PatchDesk account signed in";
        }
        String userName = actor().name();
        return services().users().find(userName).map(User::describe).orElse(userName);
    }

    private Actor signIn() {
        UserService users = services().users();
        if (!users.hasUsers()) {
            if (userOption != null) {
                throw new IllegalStateException("PatchDesk has no user accounts yet, so --user " + userOption + " cannot sign in;"
                        + " create the administrator first with: patchdesk users add NAME --full-name \"FULL NAME\"");
            }
            return Actor.operatingSystemUser();
        }
        if (userOption == null) {
            throw new IllegalStateException("This command changes data, and PatchDesk has user accounts: add --user NAME, with the"
                    + " password in " + PASSWORD_VARIABLE + " or typed at the prompt");
        }
        char[] password = password(PASSWORD_VARIABLE, "Password for " + userOption + ": ");
        try {
            User user = users.authenticate(userOption, password);
            if (user.isReadOnly()) {
                throw new IllegalStateException("User " + user.userName() + " has the role " + Role.AUDITOR.label()
                        + " and cannot change records; auditors only read");
            }
            return new Actor(user.userName());
        } finally {
            PasswordHasher.clear(password);
        }
    }

    /**
     * Returns the password with which the {@code --user} account signs a record, from
     * {@value #PASSWORD_VARIABLE}, else typed again at a prompt, because a signature needs the
     * signer's password at the moment of signing. The caller clears the array.
     *
     * @throws IllegalStateException when {@code --user} is missing, or the variable is unset and no terminal can show the prompt
     */
    char[] signingPassword() {
        if (userOption == null) {
            throw new IllegalStateException("This command records an electronic signature: add --user NAME for the signer, with the"
                    + " password in " + PASSWORD_VARIABLE + " or typed at the prompt");
        }
        return password(PASSWORD_VARIABLE, "Password of " + userOption + " to sign: ");
    }

    /**
     * Returns a password from the environment variable, else from the prompt.
     *
     * @throws IllegalStateException when the variable is unset and no terminal can show the prompt
     */
    char[] password(String variable, String promptText) {
        String value = environment.get(variable);
        if (value != null && !value.isEmpty()) {
            return value.toCharArray();
        }
        char[] typed = prompt.read(promptText);
        if (typed == null) {
            throw new IllegalStateException("No terminal to ask for the password; set " + variable);
        }
        return typed;
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

    /**
     * Replaces the site database with a checked backup, see {@link Workspace#restoreSite}, and uses
     * the restored database for the rest of the run. After a failure the database is opened again
     * on next use.
     */
    synchronized Workspace.Restored restore(RestoreCandidate candidate, Actor actor) throws IOException {
        Services current = services();
        try {
            Workspace.Restored restored = workspace.restoreSite(current, candidate, actor);
            services = restored.services();
            return restored;
        } catch (IOException | RuntimeException e) {
            current.close();
            services = null;
            throw e;
        }
    }

    /** Returns the locked workspace of the data folder, opening the site database first. */
    synchronized Workspace workspace() {
        services();
        return workspace;
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
