package org.patchdesk.cli;

import picocli.CommandLine.Command;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Imports data from files.",
        subcommands = {ImportInventoryCommand.class, ImportKevCommand.class, ImportEpssCommand.class, ImportAdvisoriesCommand.Csaf.class,
                ImportAdvisoriesCommand.Cve.class, ImportMds2Command.class})
final class ImportCommand extends CommandGroup {
}
