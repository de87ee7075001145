package org.patchdesk.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFolderLockTest {

    @TempDir
    Path folder;

    @Test
    void secondLockOnSameFolderIsRefused() throws Exception {
        try (DataFolderLock first = DataFolderLock.acquire(folder)) {

            assertThatThrownBy(() -> DataFolderLock.acquire(folder))
                    .isInstanceOf(DatabaseUnavailableException.class)
                    .hasMessage("PatchDesk is already open on " + folder);
            assertThat(first.folder()).isEqualTo(folder);
        }
    }

    @Test
    void lockIsFreeAgainAfterClose() throws Exception {
        DataFolderLock.acquire(folder).close();

        try (DataFolderLock again = DataFolderLock.acquire(folder)) {
            assertThat(again.folder()).isEqualTo(folder);
        }
    }

    @Test
    void missingFolderIsCreated() throws Exception {
        Path nested = folder.resolve("a").resolve("b");

        try (DataFolderLock lock = DataFolderLock.acquire(nested)) {
            assertThat(nested).isDirectory();
        }
    }
}
