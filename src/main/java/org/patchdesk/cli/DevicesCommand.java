package org.patchdesk.cli;

import picocli.CommandLine.Command;

@Command(name = "devices", mixinStandardHelpOptions = true,
        description = "Shows the device inventory.",
        subcommands = {DevicesListCommand.class})
final class DevicesCommand extends CommandGroup {
}
