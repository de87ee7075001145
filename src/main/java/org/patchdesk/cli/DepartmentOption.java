package org.patchdesk.cli;

import java.util.List;

import org.patchdesk.windows.Departments;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Checks the {@code --department} option of the report commands against the departments of the inventory. */
final class DepartmentOption {

    private DepartmentOption() {
    }

    /**
     * Returns the department as the inventory spells it; case and extra spaces in {@code typed} do
     * not matter.
     *
     * @param known the departments the command can report on
     * @throws ParameterException when no known department matches, listing the known ones
     */
    static String resolve(CommandSpec spec, String typed, List<String> known) {
        String key = Departments.key(typed);
        for (String name : known) {
            if (Departments.key(name).equals(key)) {
                return name;
            }
        }
        throw new ParameterException(spec.commandLine(), "--department '" + typed.strip() + "' is not a department of the inventory; "
                + (known.isEmpty() ? "no device names a department yet" : "departments: " + String.join(", ", known)));
    }
}
