package org.patchdesk.onboarding;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;

/**
 * The user guide bundled in the jar: {@code docs/user-guide.md} and the images it links, which the
 * build copies under {@value #RESOURCE_FOLDER}. Renders it to an HTML file that a web browser opens.
 */
public final class UserGuide {

    public static final String RESOURCE_FOLDER = "/org/patchdesk/help/";
    public static final String MARKDOWN_RESOURCE = RESOURCE_FOLDER + "user-guide.md";
    public static final String HTML_FILE = "user-guide.html";

    private final Parser parser;
    private final HtmlRenderer renderer;

    public UserGuide() {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create()));
        parser = Parser.builder(options).build();
        renderer = HtmlRenderer.builder(options).build();
    }

    /**
     * Returns the guide's Markdown text.
     *
     * @throws IOException when the jar does not contain the guide
     */
    public String markdown() throws IOException {
        return new String(resource(MARKDOWN_RESOURCE), StandardCharsets.UTF_8);
    }

    /** Returns the targets of the images the Markdown links, in order, as written, such as {@code images/worklist.png}. */
    public List<String> imageLinks(String markdown) {
        List<String> links = new ArrayList<>();
        for (Node node : parser.parse(markdown).getDescendants()) {
            if (node instanceof Image image) {
                links.add(image.getUrl().toString());
            }
        }
        return links;
    }

    /** Returns the first top-level heading, which titles the HTML page, or "PatchDesk user guide" when there is none. */
    String title(Document document) {
        for (Node node : document.getDescendants()) {
            if (node instanceof Heading heading && heading.getLevel() == 1) {
                return heading.getText().toString();
            }
        }
        return "PatchDesk user guide";
    }

    /** Returns the guide as a whole HTML page with a small style sheet for reading on screen. */
    public String html(String markdown) {
        Document document = parser.parse(markdown);
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title(document)) + "</title>\n"
                + "<style>\n"
                + "body { font-family: system-ui, sans-serif; max-width: 60em; margin: 2em auto; padding: 0 1em; line-height: 1.5; }\n"
                + "img { max-width: 100%; border: 1px solid #ccc; }\n"
                + "table { border-collapse: collapse; } th, td { border: 1px solid #ccc; padding: 0.2em 0.6em; text-align: left; }\n"
                + "code { background: #f3f3f3; padding: 0 0.2em; }\n"
                + "</style>\n</head>\n<body>\n" + renderer.render(document) + "</body>\n</html>\n";
    }

    /**
     * Writes {@value #HTML_FILE} and the images it links into the folder, replacing earlier copies,
     * and returns the HTML file.
     *
     * @throws IOException when the folder cannot be written or the jar lacks a linked image
     */
    public Path write(Path folder) throws IOException {
        String markdown = markdown();
        Files.createDirectories(folder);
        for (String link : imageLinks(markdown)) {
            Path target = folder.resolve(link).normalize();
            if (!target.startsWith(folder)) {
                throw new IOException("The user guide links the image " + link + " outside its folder");
            }
            Files.createDirectories(target.getParent());
            Files.write(target, resource(RESOURCE_FOLDER + link));
        }
        Path html = folder.resolve(HTML_FILE);
        Path partial = folder.resolve(HTML_FILE + ".part");
        Files.writeString(partial, html(markdown), StandardCharsets.UTF_8);
        Files.move(partial, html, StandardCopyOption.REPLACE_EXISTING);
        return html;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = UserGuide.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("The user guide file " + name + " is missing from this PatchDesk build");
            }
            return in.readAllBytes();
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
