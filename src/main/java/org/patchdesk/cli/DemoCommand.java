package org.patchdesk.cli;

import picocli.CommandLine.Command;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Works with demonstration data.",
        subcommands = {DemoGenerateCommand.class})
final class DemoCommand extends CommandGroup {
}
