package dev.pitwall.governance.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EvidenceFilePolicyTest {

    private static final byte[] PDF = "%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII);

    @Test
    void acceptsADocumentWhoseContentMatchesItsType() {
        assertThat(EvidenceFilePolicy.refusal("application/pdf", PDF)).isEmpty();
        assertThat(EvidenceFilePolicy.refusal("text/plain; charset=UTF-8", "Überprüft ✓".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(EvidenceFilePolicy.refusal("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0}))
                .isEmpty();
    }

    @Test
    void refusesTypesNotOnTheList() {
        assertThat(EvidenceFilePolicy.refusal("application/x-msdownload", new byte[] {'M', 'Z'})).get().asString()
                .contains("'application/x-msdownload' is not accepted").contains("application/pdf");
        assertThat(EvidenceFilePolicy.refusal(null, PDF)).get().asString().contains("'no type' is not accepted");
    }

    @Test
    void refusesContentThatBeliesItsType() {
        assertThat(EvidenceFilePolicy.refusal("application/pdf", new byte[] {'M', 'Z', 0, 0, 0})).get().asString()
                .isEqualTo("the content is not application/pdf (its first bytes do not match)");
        assertThat(EvidenceFilePolicy.refusal("text/csv", new byte[] {'a', 0, 'b'})).get().asString()
                .contains("not UTF-8 text");
        assertThat(EvidenceFilePolicy.refusal("text/plain", new byte[] {(byte) 0xC3, (byte) 0x28})).isPresent();
        assertThat(EvidenceFilePolicy.refusal("application/pdf", new byte[0])).get().asString().isEqualTo("the file is empty");
    }
}
