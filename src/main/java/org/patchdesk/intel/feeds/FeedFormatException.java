package org.patchdesk.intel.feeds;

/**
 * Thrown when a vulnerability feed file cannot be read as the format it should have. The message names the file,
 * the location (a line number, or a JSON pointer such as {@code /vulnerabilities/3/cve}) and what is wrong.
 */
public class FeedFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public FeedFormatException(String message) {
        super(message);
    }

    public FeedFormatException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Creates the exception for a problem on one line of a text file, such as "epss.csv line 3: ...". */
    static FeedFormatException atLine(String fileName, long line, String problem) {
        return new FeedFormatException(fileName + " line " + line + ": " + problem);
    }

    /** Creates the exception for a problem at a JSON pointer, such as "icsma.json at /vulnerabilities/2/cve: ...". */
    static FeedFormatException atPointer(String fileName, String pointer, String problem) {
        return new FeedFormatException(fileName + " at " + pointer + ": " + problem);
    }
}
