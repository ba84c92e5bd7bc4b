package dev.pitwall.platform.web;

import java.util.List;

/**
 * One capability of Pitwall as the navigation and the home page present it.
 *
 * @param path where its pages start
 * @param title its name in the navigation
 * @param summary what it is for, in a sentence
 * @param questions the questions it answers
 * @param available whether it is built in this version
 * @param authority the permission its pages need, or {@code null} when every signed-in user may see them
 */
public record Capability(String path, String title, String summary, List<String> questions, boolean available,
        String authority) {

    public Capability(String path, String title, String summary, List<String> questions, boolean available) {
        this(path, title, summary, questions, available, null);
    }

    /** The capabilities of ARCHITECTURE.md beyond the people directory, in navigation order. */
    public static final List<Capability> ALL = List.of(
            new Capability("/portfolio", "Portfolio",
                    "Initiatives, workflows, AI systems, decision rights, synchronized pipelines, data readiness and the promotion gate.",
                    List.of("Who owns each AI-assisted workflow and decides on its output?",
                            "Which decision rights are held by nobody?",
                            "Is this pilot ready to be promoted to production?"), true),
            new Capability("/telemetry", "Telemetry",
                    "Usage events from OpenTelemetry, Microsoft 365 Copilot, GitHub Copilot, xAPI and Kafka, attributed to people and workflows.",
                    List.of("Who actually uses which AI system, for which workflow?",
                            "Which AI use is tied to no workflow at all?"), true, "telemetry:read"),
            new Capability("/scorecards", "Scorecards",
                    "Measurement contracts, adoption depth, technical and workforce indices, realized impact and the value-capture waterfall.",
                    List.of("Does it pay against the baseline?",
                            "Where does the value leak: technology, workforce or operating model?"), true),
            new Capability("/governance", "Governance",
                    "Risk classification, controls mapped to NIST AI RMF, ISO/IEC 42001 and the EU AI Act, evidence.",
                    List.of("Which risk tier is this workflow, and which controls does it require?",
                            "Which controls are missing evidence?"), true),
            new Capability("/operations", "Operations",
                    "Monitors, incidents routed along decision rights, and escalation, for live workflows.",
                    List.of("Is it still healthy?", "Who is called when it goes wrong?"), true),
            new Capability("/insight", "Insight",
                    "Whether an effect is real, the first workflow to redesign, and the skill gaps to fund next.",
                    List.of("Is the effect real, or noise?", "Which workflow should be redesigned first?",
                            "Which skill gap blocks the most value?"), true),
            new Capability("/board", "Board",
                    "Board packs for a month or a quarter, as a page and a PDF, stored and verifiable later; saved views and subscriptions.",
                    List.of("Is AI paying, and is the workforce getting an investment to match the technology's?",
                            "What changed since the last board pack, and can its figures be reproduced?"), true));
}
