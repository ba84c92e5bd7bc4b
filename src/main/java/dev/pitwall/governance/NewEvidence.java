package dev.pitwall.governance;

/**
 * Evidence sent together with a change of a control: a link, or a file (which wins when both are
 * given). {@code null} content and a blank url mean no evidence.
 *
 * @param title what the evidence is
 * @param url a link (http or https)
 * @param fileName the uploaded file's name
 * @param contentType its declared type
 * @param content its bytes
 */
public record NewEvidence(String title, String url, String fileName, String contentType, byte[] content) {

    /** Whether anything was sent. */
    public boolean present() {
        return (content != null && content.length > 0) || (url != null && !url.isBlank());
    }
}
