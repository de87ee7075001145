package org.patchdesk.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import org.patchdesk.common.Actor;
import org.patchdesk.users.NewUser;
import org.patchdesk.users.PasswordHasher;
import org.patchdesk.users.Role;
import org.patchdesk.users.User;
import org.patchdesk.users.UserService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "users", mixinStandardHelpOptions = true,
        description = "Works with the user accounts.",
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class})
final class UsersCommand extends CommandGroup {

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Adds a user account. On a database with no accounts, the first one becomes the administrator and needs no"
                    + " --user; after that an administrator adds accounts with --user.",
                    "The new user's password comes from $PATCHDESK_NEW_PASSWORD, else a prompt."})
    static final class Add implements Callable<Integer> {

        private final CliContext context;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "The user name to sign in with; letters, digits, '.', '-', '_', '@'.")
        String userName;

        @Option(names = "--role", paramLabel = "ROLE",
                description = "A role: htm-technician, htm-manager, it-network, infosec, clinical-leader, administrator, auditor."
                        + " Repeat for several roles. The first account always gets the administrator role.")
        List<String> roles = new ArrayList<>();

        @Option(names = "--full-name", paramLabel = "TEXT", description = "The printed name for records and signatures (default: NAME).")
        String fullName;

        @Option(names = "--department", paramLabel = "TEXT", description = "The user's department.")
        String department;

        Add(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Set<Role> chosen = EnumSet.noneOf(Role.class);
            for (String role : roles) {
                try {
                    chosen.add(Role.parse(role));
                } catch (IllegalArgumentException e) {
                    throw new ParameterException(spec.commandLine(), e.getMessage());
                }
            }
            UserService users = context.services().users();
            boolean first = !users.hasUsers();
            if (!first && chosen.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "Give the new user at least one --role");
            }
            if (first && context.userOption() != null) {
                throw new IllegalStateException("PatchDesk has no user accounts yet; run users add without --user to create the"
                        + " administrator");
            }
            Actor actor = first ? null : context.actor();
            char[] password = context.password(CliContext.NEW_PASSWORD_VARIABLE, "Password for the new user " + userName + ": ");
            User created;
            try {
                NewUser newUser = new NewUser(userName, fullName, department, chosen);
                created = first ? users.createFirstAdministrator(newUser, password, Actor.operatingSystemUser())
                        : users.create(newUser, password, actor);
            } finally {
                PasswordHasher.clear(password);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println((first ? "Created the administrator " : "Created user ") + created.userName() + " (" + created.fullName() + "): "
                    + Role.labels(created.roles()));
            if (first) {
                out.println("From now on, commands that change data need --user NAME and that user's password.");
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the user accounts with their roles.")
    static final class ListUsers implements Callable<Integer> {

        private final CliContext context;

        @Spec
        CommandSpec spec;

        ListUsers(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            List<User> users = context.services().users().list();
            PrintWriter out = spec.commandLine().getOut();
            if (users.isEmpty()) {
                out.println("No user accounts yet. Until the first is added with 'users add', changes are recorded under the"
                        + " operating-system user.");
                out.flush();
                return 0;
            }
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("User", "Full Name", "Department", "Active", "Roles"));
            for (User user : users) {
                rows.add(List.of(user.userName(), user.fullName(), user.department() == null ? "" : user.department(),
                        user.active() ? "yes" : "no", Role.labels(user.roles())));
            }
            TextTable.print(rows, out);
            out.flush();
            return 0;
        }
    }
}
