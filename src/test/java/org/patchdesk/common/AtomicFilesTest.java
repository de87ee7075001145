package org.patchdesk.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path folder;

    @Test
    void writeReplacesFileAndLeavesNoTemporary() throws IOException {
        Path target = Files.writeString(folder.resolve("a.txt"), "old");

        AtomicFiles.write(target, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));

        assertThat(target).hasContent("new");
        try (var files = Files.list(folder)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void missingFolderIsNotCreated() {
        Path missing = folder.resolve("missing");

        assertThatThrownBy(() -> AtomicFiles.write(missing.resolve("a.txt"), out -> out.write(1)))
                .isInstanceOf(IOException.class)
                .hasMessage("The folder " + missing + " does not exist; create it first or choose another");
        assertThat(missing).doesNotExist();
    }

    @Test
    void folderAsTargetIsRejected() {
        assertThatThrownBy(() -> AtomicFiles.write(folder, out -> out.write(1)))
                .hasMessage("Cannot write " + folder + ": it is a folder; add a file name");
    }

    @Test
    void deniedWriteNamesTargetNotTemporary() {
        Path target = Path.of("/etc/x.pdf");
        FileSystemException denied = new AccessDeniedException("/etc/.x.pdf.1234.part");

        assertThat(AtomicFiles.cannotWrite(target, denied)).isEqualTo("Cannot write /etc/x.pdf: permission denied");
    }

    @Test
    void otherFailureKeepsItsReason() {
        Path target = Path.of("/mnt/ro/x.pdf");
        FileSystemException readOnly = new FileSystemException("/mnt/ro/.x.pdf.1234.part", null, "Read-only file system");

        assertThat(AtomicFiles.cannotWrite(target, readOnly)).isEqualTo("Cannot write /mnt/ro/x.pdf: read-only file system");
    }
}
