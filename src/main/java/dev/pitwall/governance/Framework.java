package dev.pitwall.governance;

/** The framework catalogs Pitwall ships and maps its controls to. */
public enum Framework {
    NIST_AI_RMF("NIST AI RMF 1.0", "nist-ai-rmf-1.0.csv"),
    NIST_AI_600_1("NIST AI 600-1", "nist-ai-600-1-risks.csv"),
    ISO_42001("ISO/IEC 42001 Annex A", "iso-42001-annex-a.csv"),
    EU_AI_ACT("EU AI Act", "eu-ai-act.csv");

    private final String label;
    private final String file;

    Framework(String label, String file) {
        this.label = label;
        this.file = file;
    }

    public String label() {
        return label;
    }

    /** The catalog's file under {@code classpath:governance/frameworks/}. */
    public String file() {
        return file;
    }
}
