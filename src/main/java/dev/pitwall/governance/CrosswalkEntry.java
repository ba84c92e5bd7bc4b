package dev.pitwall.governance;

/**
 * One NIST AI RMF subcategory → ISO/IEC 42001 pair of the crosswalk published on NIST's AIRC.
 *
 * @param isoRef the ISO/IEC 42001 clause or Annex B reference as printed
 * @param isoKind {@code clause} or {@code annex_b_guidance_for_annex_a_control}
 * @param isoControl the equivalent Annex A control, when the reference is Annex B guidance
 */
public record CrosswalkEntry(String nistRef, String isoRef, String isoKind, String isoControl, String isoTitle,
        String note) {
}
