package org.patchdesk.cli;

import picocli.CommandLine.Command;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Exports data to files.",
        subcommands = {ExportInventoryCommand.class})
final class ExportCommand extends CommandGroup {
}
