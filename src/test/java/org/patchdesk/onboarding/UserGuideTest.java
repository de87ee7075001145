package org.patchdesk.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserGuideTest {

    @TempDir
    Path folder;

    private final UserGuide guide = new UserGuide();

    @Test
    void guideIsBundled() throws Exception {
        String markdown = guide.markdown();

        assertThat(markdown).startsWith("# ");
        assertThat(markdown).contains("## Getting started");
    }

    @Test
    void everyLinkedImageIsBundled() throws Exception {
        List<String> links = guide.imageLinks(guide.markdown());

        assertThat(links).isNotEmpty();
        for (String link : links) {
            assertThat(link).as("image link").startsWith("images/").endsWith(".png");
            assertThat(UserGuide.class.getResource(UserGuide.RESOURCE_FOLDER + link)).as(link).isNotNull();
        }
    }

    @Test
    void everyLinkedImageExistsInDocs() throws Exception {
        for (String link : guide.imageLinks(Files.readString(Path.of("docs", "user-guide.md")))) {
            assertThat(Path.of("docs").resolve(link)).as(link).isRegularFile();
        }
    }

    @Test
    void writeRendersHtmlWithImages() throws Exception {
        Path html = guide.write(folder.resolve("help"));

        String text = Files.readString(html);
        assertThat(text).startsWith("<!DOCTYPE html>").contains("<h2>Getting started</h2>");
        for (String link : guide.imageLinks(guide.markdown())) {
            assertThat(text).contains("src=\"" + link + "\"");
            assertThat(folder.resolve("help").resolve(link)).isRegularFile();
        }
    }

    @Test
    void imageLinksReadsMarkdownImages() {
        assertThat(guide.imageLinks("# T\n\nText ![The worklist](images/worklist.png) and [a link](other.md).\n"))
                .containsExactly("images/worklist.png");
    }
}
